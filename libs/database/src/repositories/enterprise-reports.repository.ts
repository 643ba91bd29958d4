import { fieldColumn, REPORT_FIELDS, ReportField, ReportIssue } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';
import { OpenReturn, openReturn, ReturnColumns, returnColumnsSql } from './report-submissions.repository';

export type SubmissionStatus = 'received' | 'accepted' | 'rejected' | 'superseded';

/** An enterprise of a zone with the status of its latest report, if it filed any. */
export interface EnterpriseLatestReport {
  readonly taxCode: string;
  readonly name: string;
  readonly period: string | null;
  readonly status: SubmissionStatus | null;
  readonly late: boolean | null;
}

/** One submission of an enterprise, as the board reads its history: figures as filed (strings of digits, null where left out). */
export interface SubmissionRecord {
  readonly id: string;
  readonly period: string;
  readonly revision: number | null;
  readonly status: SubmissionStatus;
  readonly receivedAt: Date;
  readonly late: boolean | null;
  readonly issues: ReportIssue[];
  readonly figures: Readonly<Record<ReportField['key'], string | null>>;
  /** The board returned this revision and no amendment has replaced it yet. */
  readonly returned: OpenReturn | null;
}

const FIGURE_COLUMNS = REPORT_FIELDS.map((f) => `${fieldColumn(f)}::text AS "${f.key}"`).join(', ');

/** Reports read per enterprise for the board's pages: the latest of each enterprise of a zone, and an enterprise's whole history. */
export class EnterpriseReportsRepository {
  constructor(private readonly db: Transactions) {}

  /** Every enterprise registered in the zone, by name, with its latest period's current submission (accepted over others). */
  async latestInZone(zoneCode: string, tx: SqlSession = this.db.pool): Promise<EnterpriseLatestReport[]> {
    const rows = await tx.query<{
      tax_code: string;
      name: string;
      period: string | null;
      status: SubmissionStatus | null;
      late: boolean | null;
    }>(
      `SELECT e.tax_code, e.name, r.period, r.status, r.late
       FROM enterprises e
       LEFT JOIN LATERAL (
         SELECT s.period, s.status, s.late FROM report_submissions s WHERE s.tax_code = e.tax_code AND s.status <> 'superseded'
         ORDER BY s.period DESC, (s.status = 'accepted') DESC, s.received_at DESC LIMIT 1
       ) r ON true
       WHERE e.zone_code = $1 ORDER BY e.name, e.tax_code`,
      [zoneCode],
    );
    return rows.map((r) => ({ taxCode: r.tax_code, name: r.name, period: r.period, status: r.status, late: r.late }));
  }

  /** Every submission of the enterprise, newest period first and, within one, in the order received. */
  async history(taxCode: string, tx: SqlSession = this.db.pool): Promise<SubmissionRecord[]> {
    const rows = await tx.query<Record<string, unknown> & ReturnColumns>(
      `SELECT s.id, s.period, s.revision, s.status, s.received_at, s.late, s.issues, ${FIGURE_COLUMNS}, ${returnColumnsSql('s')}
       FROM report_submissions s WHERE s.tax_code = $1 ORDER BY s.period DESC, s.received_at, s.id`,
      [taxCode],
    );
    return rows.map((r) => ({
      id: r.id as string,
      period: r.period as string,
      revision: r.revision as number | null,
      status: r.status as SubmissionStatus,
      receivedAt: r.received_at as Date,
      late: r.late as boolean | null,
      issues: r.issues as ReportIssue[],
      figures: Object.fromEntries(REPORT_FIELDS.map((f) => [f.key, r[f.key] as string | null])) as SubmissionRecord['figures'],
      returned: openReturn(r),
    }));
  }
}
