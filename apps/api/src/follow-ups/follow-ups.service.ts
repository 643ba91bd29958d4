import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReportIssue, toLocalIso } from '@app/domain';
import { decodeCursor, toPage } from '../common/pagination';
import { ReportSections, reportSections, reviewerNameSql, ReviewView, reviewView, SubmissionRow } from '../reports/report-view';

/** An accepted report with warnings, the figures behind them and the board's review, if any. */
export type FollowUp = {
  reportId: string;
  taxCode: string;
  enterpriseName: string;
  zoneCode: string;
  period: string;
  revision: number;
  receivedAt: string;
  late: boolean;
  /** Each warning with `details`, the figures that triggered it. */
  warnings: ReportIssue[];
  review: ReviewView | null;
} & ReportSections;

export interface FollowUpFilter {
  zone?: string;
  period?: string;
  /** false hides reviewed reports, true shows only them; absent shows both. */
  reviewed?: boolean;
}

type Row = SubmissionRow & { enterprise_name: string };

// Only current revisions: an amendment replaces what was followed up, and its own warnings (if any)
// need a review of their own. Ordered by the partial index report_submissions_follow_up.
const FOLLOW_UP_SQL = `
  SELECT s.*, e.name AS enterprise_name, ${reviewerNameSql('s')}
  FROM report_submissions s JOIN enterprises e ON e.tax_code = s.tax_code
  WHERE s.status = 'accepted' AND s.warning_count > 0
    AND ($1::text IS NULL OR s.zone_code = $1) AND ($2::text IS NULL OR s.period = $2)
    AND ($3::boolean IS NULL OR (s.reviewed_at IS NOT NULL) = $3)
    AND ($4::text[] IS NULL OR s.zone_code = ANY($4))
    AND ($5::text IS NULL OR (s.zone_code, s.period, s.tax_code) > ($5, $6, $7))
  ORDER BY s.zone_code, s.period, s.tax_code
  LIMIT $8`;

function followUp(r: Row): FollowUp {
  return {
    reportId: r.id,
    taxCode: r.tax_code,
    enterpriseName: r.enterprise_name,
    zoneCode: r.zone_code!,
    period: r.period,
    revision: r.revision!,
    receivedAt: toLocalIso(r.received_at),
    late: r.late === true,
    warnings: (r.issues as ReportIssue[]).filter((i) => i.severity === 'warning'),
    ...reportSections(r),
    review: reviewView(r),
  };
}

/** The board's follow-up list: for the API and the board's workbook. */
@Injectable()
export class FollowUpReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `zoneCodes` is the caller's scope, null for every zone; `filter.zone` narrows it further. */
  async list(
    filter: FollowUpFilter,
    zoneCodes: readonly string[] | null,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: FollowUp[]; nextCursor: string | null }> {
    const after = decodeCursor(page.cursor, ['text', 'text', 'text']) ?? [null, null, null];
    const rows: Row[] = await this.db.query(FOLLOW_UP_SQL, [
      filter.zone ?? null, filter.period ?? null, filter.reviewed ?? null, zoneCodes, ...after, page.limit + 1,
    ]);
    return toPage(rows, page.limit, followUp, (r) => [r.zone_code, r.period, r.tax_code]);
  }
}
