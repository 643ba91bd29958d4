import { DecidedRevision, fieldColumn, REPORT_FIELDS, ReportFigures, reportFiguresFrom, Verdict } from '@app/domain';
import { JobName, QueueName, REPORTS_PER_JOB } from '@app/queue';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** One submission to store, as columns. */
export interface SubmissionInsert {
  readonly id: string;
  readonly taxCode: string;
  readonly period: string;
  readonly zoneCode: string | null;
  readonly source: 'api' | 'excel';
  readonly submittedBy: string;
  readonly filerRole: string;
  readonly idempotencyKey: string | null;
  /** The body's hash, kept with an Idempotency-Key to tell a retry from another report under the same key. */
  readonly requestHash: string | null;
  readonly batchId: string | null;
  readonly batchRow: number | null;
  readonly figures: Readonly<Record<string, string | null>>;
  /** A paper form's receipt stamp; null means now. */
  readonly receivedAt: string | null;
}

/** A stored submission as the readers show it: its columns, the figures under their column names. */
export type SubmissionRow = Record<string, unknown> & {
  id: string;
  tax_code: string;
  zone_code: string | null;
  period: string;
  revision: number | null;
  status: string;
  received_at: Date;
  processed_at: Date | null;
  late: boolean | null;
  source: string;
  issues: unknown[];
  batch_id: string | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_comment: string | null;
  review_message: string | null;
  review_message_at: Date | null;
  /** The reviewing token's name: reviews show who reviewed by name, not by token id. */
  reviewer_name: string | null;
} & ReturnColumns;

/** The columns of a return as `returnColumnsSql` reads them. */
export interface ReturnColumns {
  returned_at: Date | null;
  return_message: string | null;
  /** The returning token's name. */
  returner_name: string | null;
  /** Returned and still the current revision: no amendment has replaced it yet. */
  return_open: boolean;
}

/** A return still open: when, by whom (the token's name) and the board's message to the enterprise. */
export interface OpenReturn {
  readonly at: Date;
  readonly by: string | null;
  readonly message: string;
}

/** One page of submissions, newest receipt first; every condition given narrows it. */
export interface SubmissionPageQuery {
  /** An enterprise's caller: only its own reports. */
  readonly ownTaxCode?: string;
  readonly taxCode?: string;
  /** The zones the caller may read; null or absent means every zone. */
  readonly among?: readonly string[] | null;
  readonly zone?: string;
  readonly period?: string;
  readonly status?: string;
  /** The receipt instant (as text, to the microsecond) and id of the last row of the previous page. */
  readonly after?: readonly [receivedAt: string, id: string];
  /** Rows to read: a page and one more, to tell whether another page follows. */
  readonly limit: number;
}

/** A row of an upload as the worker decided it. */
export interface BatchSubmission {
  readonly id: string;
  readonly row: number;
  readonly taxCode: string;
  readonly period: string;
  readonly status: string;
  readonly revision: number | null;
  readonly issues: unknown[];
}

/** A submission waiting for its verdict, locked by the verdict's transaction. */
export interface ReceivedSubmission {
  readonly id: string;
  readonly taxCode: string;
  readonly period: string;
  /** The enterprise's zone when it arrived, if it was registered then. */
  readonly zoneCode: string | null;
  readonly filerRole: string;
  readonly receivedAt: Date;
  readonly receiptKey: string;
  readonly figures: ReportFigures;
}

/**
 * What a verdict writes on its submission; `supersededBy` when it ends superseded (by a revision of the
 * same batch, or by one that stayed current).
 */
export interface VerdictRecord {
  readonly id: string;
  readonly verdict: Verdict;
  readonly supersededBy: string | null;
}

/** Where a submission stands, for a review or a return. */
export interface ReviewTarget {
  readonly taxCode: string;
  readonly zoneCode: string | null;
  readonly period: string;
  readonly status: string;
  readonly revision: number | null;
  readonly returnedAt: Date | null;
}

export interface RecordedReview {
  readonly reviewedAt: Date;
  readonly reviewMessage: string | null;
  readonly reviewMessageAt: Date | null;
}

const FIGURE_COLUMNS: readonly string[] = REPORT_FIELDS.map(fieldColumn);

/** The figures of a stored submission row: bigint money, number counts, null where not reported. */
function figuresFromRow(row: Record<string, unknown>): ReportFigures {
  return reportFiguresFrom((f) => row[fieldColumn(f)] as string | number | null);
}

/**
 * A text key that sorts submissions in order of receipt, exactly: receipt stamp and storage time in
 * microseconds (a JavaScript Date keeps only milliseconds, and one intake batch shares its now()),
 * then the row of an upload, then the id, so which revision is current never depends on job timing.
 */
function receiptKeySql(alias: string): string {
  const micros = (column: string) => `lpad((extract(epoch FROM ${alias}.${column}) * 1000000)::bigint::text, 20, '0')`;
  return `${micros('received_at')} || ${micros('stored_at')} || lpad(COALESCE(${alias}.batch_row, 0)::text, 10, '0') || ${alias}.id::text`;
}

/** The column `reviewer_name` of a submission row aliased `alias`. */
export function reviewerNameSql(alias: string): string {
  return `(SELECT t.name FROM api_tokens t WHERE t.id = ${alias}.reviewed_by) AS reviewer_name`;
}

/**
 * The return columns of a submission row aliased `alias`. A return is open while its revision is the
 * current accepted one: the verdict that accepts an amendment supersedes it, and that closes the return.
 */
export function returnColumnsSql(alias: string): string {
  return `${alias}.returned_at, ${alias}.return_message,
    (SELECT t.name FROM api_tokens t WHERE t.id = ${alias}.returned_by) AS returner_name,
    (${alias}.returned_at IS NOT NULL AND ${alias}.status = 'accepted') AS return_open`;
}

/** The open return of a row read with `returnColumnsSql`, if any. */
export function openReturn(r: ReturnColumns): OpenReturn | null {
  return r.return_open ? { at: r.returned_at!, by: r.returner_name, message: r.return_message! } : null;
}

const INSERT_COLUMNS: ReadonlyArray<[string, string, (r: SubmissionInsert) => unknown]> = [
  ['id', 'uuid', (r) => r.id],
  ['tax_code', 'text', (r) => r.taxCode],
  ['period', 'text', (r) => r.period],
  ['zone_code', 'text', (r) => r.zoneCode],
  ['source', 'text', (r) => r.source],
  ['submitted_by', 'uuid', (r) => r.submittedBy],
  ['filer_role', 'text', (r) => r.filerRole],
  ['idempotency_key', 'text', (r) => r.idempotencyKey],
  ['request_hash', 'text', (r) => r.requestHash],
  ['batch_id', 'uuid', (r) => r.batchId],
  ['batch_row', 'int', (r) => r.batchRow],
  ...REPORT_FIELDS.map((f, i): [string, string, (r: SubmissionInsert) => unknown] => [
    FIGURE_COLUMNS[i],
    f.kind === 'count' ? 'int' : 'bigint',
    (r) => r.figures[f.key],
  ]),
  ['received_at', 'timestamptz', (r) => r.receivedAt],
];
const INSERT_NAMES = INSERT_COLUMNS.map(([name]) => name);

// Submissions and their outbox rows in one statement: one transaction, one WAL flush for the batch, and one job
// for every REPORTS_PER_JOB of its submissions (a queue job costs the worker and Redis more than a verdict). The
// batch is one JSON parameter, an array of rows each an array of INSERT_COLUMNS' values (one text to
// build and send instead of an array per column; jsonb, since ->> on json scans each row's text again
// for every column: a quarter of the time for 5,000 rows), and each row's receipt comes back as epoch
// milliseconds (a number to read instead of a timestamp to parse; a Date holds no more).
const INSERT_SQL = `
  WITH s AS (
    INSERT INTO report_submissions (${INSERT_NAMES.join(', ')})
    SELECT ${INSERT_COLUMNS.map(([name, type], i) =>
      name === 'received_at' ? `COALESCE((r->>${i})::timestamptz, now())` : `(r->>${i})::${type}`,
    ).join(', ')}
    FROM jsonb_array_elements($1::jsonb) AS r
    ON CONFLICT (submitted_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING id, received_at
  ), o AS (
    INSERT INTO outbox (queue, job_name, job_id, payload)
    SELECT '${QueueName.Reports}', '${JobName.ProcessReports}', 'reports-' || min(id::text),
      json_build_object('submissionIds', json_agg(id ORDER BY n))
    FROM (SELECT id, row_number() OVER () - 1 AS n FROM s) AS numbered
    GROUP BY n / ${REPORTS_PER_JOB}
  )
  SELECT id, floor(extract(epoch FROM received_at) * 1000)::float8 AS received_ms FROM s`;

type DecidedRow = Record<string, unknown> & {
  id: string;
  tax_code: string;
  period: string;
  zone_code: string;
  status: DecidedRevision['status'];
  revision: number;
  received_at: Date;
  receipt_key: string;
  late: boolean | null;
  warning_count: number;
};

// Only what decidedRevision reads: a verdict reads whole histories, and every other column costs parsing.
const DECIDED_COLUMNS = [
  ...['id', 'tax_code', 'period', 'zone_code', 'status', 'revision', 'received_at', 'late', 'warning_count'],
  ...FIGURE_COLUMNS,
]
  .map((column) => `r.${column}`)
  .join(', ');

function decidedRevision(r: DecidedRow): DecidedRevision & { taxCode: string } {
  return {
    id: r.id,
    taxCode: r.tax_code,
    period: r.period,
    zoneCode: r.zone_code,
    receivedAt: r.received_at,
    receiptKey: r.receipt_key,
    status: r.status,
    revision: r.revision,
    late: r.late === true,
    warningCount: r.warning_count,
    figures: figuresFromRow(r),
  };
}

/**
 * `report_submissions` and the outbox rows that hand each one to the worker: the intake's batched
 * insert, the verdict's locked reads and set-based writes, the review and the return, and the readers of one
 * submission, of a page and of an upload's rows.
 */
export class ReportSubmissionsRepository {
  constructor(private readonly db: Transactions) {}

  /**
   * Stores submissions with their jobs in one statement; the receipt instant of each stored row by id.
   * A row whose (submitter, Idempotency-Key) is taken is left out.
   */
  async insertWithJobs(rows: readonly SubmissionInsert[], tx: SqlSession = this.db.pool): Promise<Map<string, Date>> {
    const batch = JSON.stringify(rows.map((row) => INSERT_COLUMNS.map(([, , value]) => value(row))));
    const stored = await tx.query<{ id: string; received_ms: number }>(INSERT_SQL, [batch], 'insert-submissions-with-jobs');
    return new Map(stored.map((r) => [r.id, new Date(r.received_ms)]));
  }

  /** The submission stored under a submitter's Idempotency-Key, with the hash of its body. */
  async findByIdempotencyKey(submittedBy: string, key: string, tx: SqlSession = this.db.pool) {
    const [row] = await tx.query<{ id: string; received_at: Date; request_hash: string | null }>(
      'SELECT id, received_at, request_hash FROM report_submissions WHERE submitted_by = $1 AND idempotency_key = $2',
      [submittedBy, key],
    );
    return row ? { id: row.id, receivedAt: row.received_at, requestHash: row.request_hash } : null;
  }

  /** One submission; `id` must be a uuid. */
  async find(id: string, tx: SqlSession = this.db.pool): Promise<SubmissionRow | null> {
    const [row] = await tx.query<SubmissionRow>(
      `SELECT s.*, ${reviewerNameSql('s')}, ${returnColumnsSql('s')} FROM report_submissions s WHERE s.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** A page, newest receipt first, each row with `cursor_at`: its receipt instant to the microsecond. */
  async page(q: SubmissionPageQuery, tx: SqlSession = this.db.pool): Promise<Array<SubmissionRow & { cursor_at: string }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.ownTaxCode !== undefined) add('tax_code = ?', q.ownTaxCode);
    if (q.taxCode) add('tax_code = ?', q.taxCode);
    if (q.among) add('zone_code = ANY(?)', q.among);
    if (q.zone) add('zone_code = ?', q.zone);
    if (q.period) add('period = ?', q.period);
    if (q.status) add('status = ?', q.status);
    if (q.after) {
      params.push(q.after[0], q.after[1]);
      where.push(`(received_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(q.limit);
    return tx.query(
      `SELECT s.*, ${reviewerNameSql('s')}, ${returnColumnsSql('s')}, s.received_at::text AS cursor_at
       FROM report_submissions s ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY s.received_at DESC, s.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** The stored rows of an upload, in the order of the file. */
  async inBatch(batchId: string, tx: SqlSession = this.db.pool): Promise<BatchSubmission[]> {
    const rows = await tx.query<{
      id: string;
      batch_row: number;
      tax_code: string;
      period: string;
      status: string;
      revision: number | null;
      issues: unknown[];
    }>(
      `SELECT id, batch_row, tax_code, period, status, revision, issues FROM report_submissions
       WHERE batch_id = $1 ORDER BY batch_row`,
      [batchId],
    );
    return rows.map((r) => ({
      id: r.id,
      row: r.batch_row,
      taxCode: r.tax_code,
      period: r.period,
      status: r.status,
      revision: r.revision,
      issues: r.issues,
    }));
  }

  /** The zones the enterprise's current (accepted) revisions are counted in. */
  async zonesCounted(taxCode: string, tx: SqlSession = this.db.pool): Promise<string[]> {
    const rows = await tx.query<{ zone_code: string }>(
      `SELECT DISTINCT zone_code FROM report_submissions WHERE tax_code = $1 AND status = 'accepted' ORDER BY zone_code`,
      [taxCode],
    );
    return rows.map((r) => r.zone_code);
  }

  /** Submissions still waiting this long after they were stored, oldest first: their jobs may be lost. */
  async staleReceived(olderThanMs: number, limit: number, tx: SqlSession = this.db.pool): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM report_submissions WHERE status = 'received' AND stored_at < now() - $1 * interval '1 millisecond'
       ORDER BY stored_at LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Those of `ids` still `received`, locked in id order until the caller's transaction ends (two
   * verdict batches never deadlock), with their receipt keys.
   */
  async lockReceived(ids: readonly string[], tx: SqlSession): Promise<ReceivedSubmission[]> {
    const rows = await tx.query<
      Record<string, unknown> & {
        id: string;
        tax_code: string;
        period: string;
        zone_code: string | null;
        filer_role: string;
        received_at: Date;
        receipt_key: string;
      }
    >(
      `SELECT s.*, ${receiptKeySql('s')} AS receipt_key FROM report_submissions s
       WHERE s.id = ANY($1::uuid[]) AND s.status = 'received' ORDER BY s.id FOR UPDATE`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      taxCode: r.tax_code,
      period: r.period,
      zoneCode: r.zone_code,
      filerRole: r.filer_role,
      receivedAt: r.received_at,
      receiptKey: r.receipt_key,
      figures: figuresFromRow(r),
    }));
  }

  /**
   * The decided history a verdict needs: every current revision of `taxCodes` (the quarters compared
   * with), and every revision, current or not, of the enterprise-quarters `quarterKeys` ('taxCode/period').
   */
  async decidedHistory(
    taxCodes: readonly string[],
    quarterKeys: readonly string[],
    tx: SqlSession,
  ): Promise<Array<DecidedRevision & { taxCode: string }>> {
    const rows = await tx.query<DecidedRow>(
      `SELECT ${DECIDED_COLUMNS}, ${receiptKeySql('r')} AS receipt_key FROM report_submissions r WHERE r.tax_code = ANY($1)
         AND (r.status = 'accepted' OR (r.revision IS NOT NULL AND r.tax_code || '/' || r.period = ANY($2)))`,
      [taxCodes, quarterKeys],
    );
    return rows.map(decidedRevision);
  }

  /**
   * Writes verdicts, one statement for them all, in id order: status, revision, issues and, for one
   * ending superseded, by which revision and when (the instant of this verdict).
   */
  async recordVerdicts(verdicts: readonly VerdictRecord[], tx: SqlSession): Promise<void> {
    const list = [...verdicts].sort((a, b) => a.id.localeCompare(b.id));
    await tx.query(
      `UPDATE report_submissions r SET status = v.status, revision = v.revision, late = v.late, issues = v.issues::jsonb,
         warning_count = v.warning_count, zone_code = v.zone_code, processed_at = now(),
         superseded_by = v.superseded_by, superseded_at = CASE WHEN v.superseded_by IS NULL THEN NULL ELSE now() END
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::boolean[], $5::text[], $6::int[], $7::text[], $8::uuid[])
         AS v(id, status, revision, late, issues, warning_count, zone_code, superseded_by)
       WHERE r.id = v.id`,
      [
        list.map((r) => r.id),
        list.map((r) => r.verdict.status),
        list.map((r) => r.verdict.revision),
        list.map((r) => r.verdict.late),
        list.map((r) => JSON.stringify(r.verdict.issues)),
        list.map((r) => r.verdict.warningCount),
        list.map((r) => r.verdict.zoneCode),
        list.map((r) => r.supersededBy),
      ],
    );
  }

  /** Revisions decided earlier that a verdict replaced as current: superseded now, by the revision given for each id. */
  async supersede(supersededBy: ReadonlyMap<string, string>, tx: SqlSession): Promise<void> {
    if (supersededBy.size === 0) return;
    const list = [...supersededBy].sort(([a], [b]) => a.localeCompare(b));
    await tx.query(
      `UPDATE report_submissions r SET status = 'superseded', superseded_by = v.superseded_by, superseded_at = now()
       FROM unnest($1::uuid[], $2::uuid[]) AS v(id, superseded_by) WHERE r.id = v.id`,
      [list.map(([id]) => id), list.map(([, by]) => by)],
    );
  }

  /** The submission, locked until the caller's transaction ends; `id` must be a uuid. */
  async findLocked(id: string, tx: SqlSession): Promise<ReviewTarget | null> {
    const [row] = await tx.query<{
      tax_code: string;
      zone_code: string | null;
      period: string;
      status: string;
      revision: number | null;
      returned_at: Date | null;
    }>('SELECT tax_code, zone_code, period, status, revision, returned_at FROM report_submissions WHERE id = $1 FOR UPDATE', [id]);
    return row
      ? {
          taxCode: row.tax_code,
          zoneCode: row.zone_code,
          period: row.period,
          status: row.status,
          revision: row.revision,
          returnedAt: row.returned_at,
        }
      : null;
  }

  /** Records that `by` returned the revision with `message`; when. A revision is returned once: it stays returned until replaced. */
  async recordReturn(id: string, by: string, message: string, tx: SqlSession): Promise<Date> {
    const [row] = await tx.query<{ returned_at: Date }>(
      `UPDATE report_submissions SET returned_at = now(), returned_by = $2, return_message = $3
       WHERE id = $1 AND returned_at IS NULL RETURNING returned_at`,
      [id, by, message],
    );
    return row.returned_at;
  }

  /** Records a review; a review without a message keeps the message the enterprise was last sent. */
  async review(
    id: string,
    by: string,
    comment: string | null,
    messageToEnterprise: string | null,
    tx: SqlSession = this.db.pool,
  ): Promise<RecordedReview> {
    const [row] = await tx.query<{ reviewed_at: Date; review_message: string | null; review_message_at: Date | null }>(
      `UPDATE report_submissions SET reviewed_at = now(), reviewed_by = $2, review_comment = $3,
         review_message = COALESCE($4, review_message), review_message_at = CASE WHEN $4::text IS NULL THEN review_message_at ELSE now() END
       WHERE id = $1 RETURNING reviewed_at, review_message, review_message_at`,
      [id, by, comment, messageToEnterprise],
    );
    return { reviewedAt: row.reviewed_at, reviewMessage: row.review_message, reviewMessageAt: row.review_message_at };
  }
}
