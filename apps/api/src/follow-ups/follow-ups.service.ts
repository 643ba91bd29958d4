import { Injectable } from '@nestjs/common';
import { FilingsRepository, FollowUpRow } from '@app/database';
import { daysBetween, localDate, ReportIssue, toLocalIso } from '@app/domain';
import { decodeCursor, toPage } from '../common/pagination';
import { ReportSections, reportSections, ReturnView, returnView, ReviewView, reviewView } from '../reports/report-view';

/** An open return with its age: calendar days in Vietnam since the board returned the report. */
export type FollowUpReturn = ReturnView & { ageDays: number };

/** An accepted report with warnings or returned for amendment, the figures behind them and the board's review, if any. */
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
  returned: FollowUpReturn | null;
} & ReportSections;

export interface FollowUpFilter {
  zone?: string;
  period?: string;
  /** false hides reviewed reports, true shows only them; absent shows both. */
  reviewed?: boolean;
  /** true shows only open returns, false hides them; absent shows both. */
  returned?: boolean;
}

function followUp(r: FollowUpRow, now: Date): FollowUp {
  const returned = returnView(r);
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
    returned: returned && { ...returned, ageDays: daysBetween(localDate(r.returned_at!), localDate(now)) },
  };
}

/** The board's follow-up list: for the API and the board's workbook. */
@Injectable()
export class FollowUpReader {
  constructor(private readonly filings: FilingsRepository) {}

  /** `zoneCodes` is the caller's scope, null for every zone; `filter.zone` narrows it further. */
  async list(
    filter: FollowUpFilter,
    zoneCodes: readonly string[] | null,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: FollowUp[]; nextCursor: string | null }> {
    const after = decodeCursor(page.cursor, ['text', 'text', 'text']) as [string, string, string] | null;
    const rows = await this.filings.followUps({ ...filter, among: zoneCodes, after, limit: page.limit + 1 });
    const now = new Date();
    return toPage(
      rows,
      page.limit,
      (r) => followUp(r, now),
      (r) => [r.zone_code, r.period, r.tax_code],
    );
  }
}
