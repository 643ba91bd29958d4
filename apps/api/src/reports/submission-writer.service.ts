import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { MicroBatcher } from '@app/common';
import { Settings } from '@app/config';
import { FIGURE_COLUMNS } from '@app/database';
import { REPORT_FIELDS } from '@app/domain';
import { JobName, QueueName } from '@app/queue';
import { unavailableProblem } from '../common/unavailable-problem';

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
  readonly requestHash: string;
  readonly batchId: string | null;
  readonly batchRow: number | null;
  readonly figures: Readonly<Record<string, string | null>>;
  /** A paper form's receipt stamp; null means now. */
  readonly receivedAt: string | null;
}

const COLUMNS: ReadonlyArray<[string, string, (r: SubmissionInsert) => unknown]> = [
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
  ...REPORT_FIELDS.map((f, i): [string, string, (r: SubmissionInsert) => unknown] => [FIGURE_COLUMNS[i], f.kind === 'count' ? 'int' : 'bigint', (r) => r.figures[f.key]]),
  ['received_at', 'timestamptz', (r) => r.receivedAt],
];
const NAMES = COLUMNS.map(([name]) => name);

// Submissions and their outbox rows in one statement: one transaction, one WAL flush for the batch.
const INSERT_SQL = `
  WITH s AS (
    INSERT INTO report_submissions (${NAMES.join(', ')})
    SELECT ${NAMES.map((n) => (n === 'received_at' ? 'COALESCE(received_at, now())' : n)).join(', ')}
    FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS t(${NAMES.join(', ')})
    ON CONFLICT (submitted_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING id, received_at
  ), o AS (
    INSERT INTO outbox (queue, job_name, job_id, payload)
    SELECT '${QueueName.Reports}', '${JobName.ProcessReport}', id::text, json_build_object('submissionId', id) FROM s
  )
  SELECT id, received_at FROM s`;

/**
 * Stores submissions, grouping those that arrive together into one statement: under load a commit
 * (a disk flush) serves hundreds of reports instead of one. Each caller still hears back only after
 * its row is committed; null means an earlier submission holds its Idempotency-Key.
 */
@Injectable()
export class SubmissionWriter {
  private readonly pool: Pool;
  private readonly batcher: MicroBatcher<SubmissionInsert, Date | null>;

  constructor(@InjectDataSource() db: DataSource, settings: Settings) {
    this.pool = (db.driver as unknown as { master: Pool }).master;
    // Bounded, so that a database that hangs makes callers wait no longer than for a connection, and
    // a flood meanwhile is refused (503) instead of piling up; a batch the database failed as a whole
    // is not retried row by row, which would only multiply the wait.
    this.batcher = new MicroBatcher(async (rows) => {
      const stored = await this.insert(rows);
      return rows.map((r) => stored.get(r.id) ?? null);
    }, 500, 4, {
      maxQueued: settings.INTAKE_QUEUE_LIMIT,
      maxWaitMs: settings.DB_CONNECT_TIMEOUT_MS,
      isolate: (error) => unavailableProblem(error) === null,
    });
  }

  /** Reports waiting to be taken into a batch. */
  get queued(): number {
    return this.batcher.queued;
  }

  store(row: SubmissionInsert): Promise<Date | null> {
    return this.batcher.submit(row);
  }

  /**
   * Stores many rows in one transaction, all or none (uploads), with what `alongside` writes on the same
   * connection (the upload's batch record), so that neither is ever seen without the other.
   */
  async storeAll(rows: readonly SubmissionInsert[], alongside: (db: PoolClient) => Promise<unknown>): Promise<Map<string, Date>> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await client.query('BEGIN');
      await alongside(client);
      const stored = await this.insert(rows, client);
      await client.query('COMMIT');
      return stored;
    } catch (error) {
      failure = error as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A connection that failed mid-transaction is discarded rather than handed to the next caller.
      client.release(failure);
    }
  }

  private async insert(rows: readonly SubmissionInsert[], db: Pool | PoolClient = this.pool): Promise<Map<string, Date>> {
    const params = COLUMNS.map(([, , value]) => rows.map(value));
    const result = await db.query<{ id: string; received_at: Date }>(INSERT_SQL, params);
    return new Map(result.rows.map((r) => [r.id, r.received_at]));
  }
}
