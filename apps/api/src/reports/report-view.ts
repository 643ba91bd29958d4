import type { Principal } from '@app/access';
import { openReturn, ReturnColumns, SubmissionRow } from '@app/database';
import { fieldColumn, REPORT_FIELDS, toLocalIso } from '@app/domain';

export type ReportSections = Record<'production' | 'investment' | 'employment' | 'wages', Record<string, string | number | null>>;

/** The board's review: its internal comment, and the latest message sent to the enterprise with it, if any. */
export interface ReviewView {
  reviewedAt: string;
  /** The reviewing token's name. */
  reviewedBy: string | null;
  comment: string | null;
  messageToEnterprise: string | null;
  messageSentAt: string | null;
}

/** What the enterprise reads of a review: only the message meant for it. */
export interface EnterpriseReviewView {
  messageToEnterprise: string;
  messageSentAt: string;
}

/** A return still open: the enterprise is asked to amend; the figures stay counted until it does. */
export interface ReturnView {
  at: string;
  /** The returning token's name. */
  by: string | null;
  message: string;
}

const iso = (d: Date | null) => (d ? toLocalIso(d) : null);

/** The report's open return as the API shows it, or null (never returned, or amended since). */
export function returnView(r: ReturnColumns): ReturnView | null {
  const open = openReturn(r);
  return open ? { at: toLocalIso(open.at), by: open.by, message: open.message } : null;
}

/** The figures in the JSON shape of a submission: money as strings, counts as numbers, null where not reported. */
export function reportSections(r: Record<string, unknown>): ReportSections {
  const sections: ReportSections = { production: {}, investment: {}, employment: {}, wages: {} };
  for (const f of REPORT_FIELDS) {
    const raw = r[fieldColumn(f)] as string | number | null;
    sections[f.section][f.key] = raw === null ? null : f.kind === 'count' ? Number(raw) : String(raw);
  }
  return sections;
}

export function reviewView(r: SubmissionRow): ReviewView | null {
  return r.reviewed_at
    ? {
        reviewedAt: toLocalIso(r.reviewed_at),
        reviewedBy: r.reviewer_name ?? null,
        comment: r.review_comment,
        messageToEnterprise: r.review_message,
        messageSentAt: iso(r.review_message_at),
      }
    : null;
}

function enterpriseReviewView(r: SubmissionRow): EnterpriseReviewView | null {
  return r.review_message !== null && r.review_message_at !== null
    ? { messageToEnterprise: r.review_message, messageSentAt: toLocalIso(r.review_message_at) }
    : null;
}

/**
 * A submission as the API shows it to `p`: status, verdict, issues and the sections as submitted; the
 * board's review, of which an enterprise sees only the message sent to it (comments are internal), and
 * the board's return while it is open.
 */
export function reportView(r: SubmissionRow, p: Principal) {
  return {
    id: r.id,
    taxCode: r.tax_code,
    zoneCode: r.zone_code,
    period: r.period,
    revision: r.revision,
    status: r.status,
    receivedAt: iso(r.received_at),
    processedAt: iso(r.processed_at),
    late: r.late,
    source: r.source,
    issues: r.issues,
    ...reportSections(r),
    batchId: r.batch_id,
    review: p.role === 'enterprise' ? enterpriseReviewView(r) : reviewView(r),
    returned: returnView(r),
  };
}
