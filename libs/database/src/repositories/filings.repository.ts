import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';
import { returnColumnsSql, reviewerNameSql, SubmissionRow } from './report-submissions.repository';

/** An enterprise expected to file a quarter, with its current accepted revision if it has one. */
export interface ExpectedFiling {
  readonly taxCode: string;
  readonly name: string;
  readonly zoneCode: string;
  readonly reportId: string | null;
  /** As judged on the first accepted revision (an amendment keeps an on-time filing on time). */
  readonly late: boolean | null;
  /** When the first accepted revision was received. */
  readonly firstReceivedAt: Date | null;
}

export interface FollowUpQuery {
  readonly zone?: string;
  readonly period?: string;
  /** false: only reports not reviewed; true: only reviewed ones; absent: both. */
  readonly reviewed?: boolean;
  /** true: only reports returned and not yet amended; false: only the others; absent: both. */
  readonly returned?: boolean;
  /** The caller's zones; null means every zone. */
  readonly among: readonly string[] | null;
  /** (zone, period, tax code) of the last row of the previous page. */
  readonly after: readonly [string, string, string] | null;
  /** Rows to read: a page and one more, to tell whether another page follows. */
  readonly limit: number;
}

export type FollowUpRow = SubmissionRow & { enterprise_name: string };

// Every enterprise whose operating interval meets the quarter is expected to file, with the registry
// as it is now (it keeps operating dates, not their history). The current accepted revision carries
// `late` as judged on the first accepted one, so an amendment keeps an on-time filing on time; a
// rejected submission is no filing at all.
const FILING_SQL = `
  SELECT e.tax_code, e.name, e.zone_code, cur.id AS report_id, cur.late,
    CASE WHEN cur.id IS NOT NULL THEN (
      SELECT min(r.received_at) FROM report_submissions r WHERE r.tax_code = e.tax_code AND r.period = $1 AND r.revision IS NOT NULL
    ) END AS first_received_at
  FROM enterprises e
  LEFT JOIN report_submissions cur ON cur.tax_code = e.tax_code AND cur.period = $1 AND cur.status = 'accepted'
  WHERE e.operating_from <= $3::date AND (e.operating_until IS NULL OR e.operating_until >= $2::date)
    AND ($4::text[] IS NULL OR e.zone_code = ANY($4))
  ORDER BY e.zone_code, e.tax_code`;

// Only current revisions, with warnings or returned: an amendment replaces what was followed up (and so
// closes a return), and its own warnings (if any) need a review of their own. Ordered by the partial
// index report_submissions_follow_up, whose predicate the first condition repeats.
const FOLLOW_UP_SQL = `
  SELECT s.*, e.name AS enterprise_name, ${reviewerNameSql('s')}, ${returnColumnsSql('s')}
  FROM report_submissions s JOIN enterprises e ON e.tax_code = s.tax_code
  WHERE s.status = 'accepted' AND (s.warning_count > 0 OR s.returned_at IS NOT NULL)
    AND ($1::text IS NULL OR s.zone_code = $1) AND ($2::text IS NULL OR s.period = $2)
    AND ($3::boolean IS NULL OR (s.reviewed_at IS NOT NULL) = $3)
    AND ($4::text[] IS NULL OR s.zone_code = ANY($4))
    AND ($5::text IS NULL OR (s.zone_code, s.period, s.tax_code) > ($5, $6, $7))
    AND ($9::boolean IS NULL OR (s.returned_at IS NOT NULL) = $9)
  ORDER BY s.zone_code, s.period, s.tax_code
  LIMIT $8`;

/**
 * Who is expected to file and who has: reads joining the registry's enterprises with their current
 * revisions, for the filing status, the board's follow-ups and the reminders.
 */
export class FilingsRepository {
  constructor(private readonly db: Transactions) {}

  /** The enterprises expected to file `period` (first to last day given), by zone then tax code; `zoneCodes` null: every zone. */
  async expected(
    period: string,
    firstDay: string,
    lastDay: string,
    zoneCodes: readonly string[] | null,
    tx: SqlSession = this.db.pool,
  ): Promise<ExpectedFiling[]> {
    const rows = await tx.query<{
      tax_code: string;
      name: string;
      zone_code: string;
      report_id: string | null;
      late: boolean | null;
      first_received_at: Date | null;
    }>(FILING_SQL, [period, firstDay, lastDay, zoneCodes]);
    return rows.map((r) => ({
      taxCode: r.tax_code,
      name: r.name,
      zoneCode: r.zone_code,
      reportId: r.report_id,
      late: r.late,
      firstReceivedAt: r.first_received_at,
    }));
  }

  /**
   * Current revisions with warnings or an open return, by zone, period and tax code, each with its enterprise's
   * name, its reviewer's and its return.
   */
  async followUps(q: FollowUpQuery, tx: SqlSession = this.db.pool): Promise<FollowUpRow[]> {
    const [zone, period, taxCode] = q.after ?? [null, null, null];
    return tx.query<FollowUpRow>(FOLLOW_UP_SQL, [
      q.zone ?? null,
      q.period ?? null,
      q.reviewed ?? null,
      q.among,
      zone,
      period,
      taxCode,
      q.limit,
      q.returned ?? null,
    ]);
  }

  /** Enterprises with a contact email, operating during the quarter (first to last day given), and no accepted report of it. */
  async missingWithContact(period: string, firstDay: string, lastDay: string, tx: SqlSession = this.db.pool) {
    const rows = await tx.query<{ tax_code: string; contact_email: string }>(
      `SELECT e.tax_code, e.contact_email FROM enterprises e
       WHERE e.contact_email IS NOT NULL AND e.operating_from <= $3 AND (e.operating_until IS NULL OR e.operating_until >= $2)
         AND NOT EXISTS (SELECT 1 FROM report_submissions r WHERE r.tax_code = e.tax_code AND r.period = $1 AND r.status = 'accepted')`,
      [period, firstDay, lastDay],
    );
    return rows.map((r) => ({ taxCode: r.tax_code, contactEmail: r.contact_email }));
  }

  /** The enterprise's name and whether it has an accepted report of `period`; null if it is not registered. */
  async filedBy(taxCode: string, period: string, tx: SqlSession = this.db.pool): Promise<{ name: string; filed: boolean } | null> {
    const [row] = await tx.query<{ name: string; filed: boolean }>(
      `SELECT e.name,
         EXISTS (SELECT 1 FROM report_submissions r WHERE r.tax_code = e.tax_code AND r.period = $2 AND r.status = 'accepted') AS filed
       FROM enterprises e WHERE e.tax_code = $1`,
      [taxCode, period],
    );
    return row ?? null;
  }
}
