import { fieldColumn, REPORT_FIELDS, toLocalIso } from '@app/domain';

export type SubmissionRow = Record<string, unknown> & {
  id: string; tax_code: string; zone_code: string | null; period: string; revision: number | null; status: string;
  received_at: Date; processed_at: Date | null; late: boolean | null; source: string; issues: unknown[];
  batch_id: string | null; reviewed_at: Date | null; reviewed_by: string | null; review_comment: string | null;
};

const iso = (d: Date | null) => (d ? toLocalIso(d) : null);

/** A submission as the API shows it: status, verdict, issues and the sections as submitted. */
export function reportView(r: SubmissionRow) {
  const sections: Record<string, Record<string, string | number | null>> = { production: {}, investment: {}, employment: {}, wages: {} };
  for (const f of REPORT_FIELDS) {
    const raw = r[fieldColumn(f)] as string | number | null;
    sections[f.section][f.key] = raw === null ? null : f.kind === 'count' ? Number(raw) : String(raw);
  }
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
    ...sections,
    batchId: r.batch_id,
    review: r.reviewed_at ? { reviewedAt: iso(r.reviewed_at), reviewedBy: r.reviewed_by, comment: r.review_comment } : null,
  };
}
