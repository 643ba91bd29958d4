import { QueueName } from '@app/queue';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** A job to hand to a queue, written in the transaction of the change that calls for it. */
export interface OutboxJob {
  readonly id: string;
  readonly queue: QueueName;
  readonly jobName: string;
  readonly jobId: string;
  readonly payload: Record<string, unknown>;
}

/**
 * `outbox`: jobs waiting to be moved to their queues by the worker's relay. Rows are written by the
 * repositories of the changes that call for them (submissions, emails), in the same statement.
 */
export class OutboxRepository {
  constructor(private readonly db: Transactions) {}

  /** Up to `limit` unpublished jobs, oldest first, locked for the caller's transaction; rows another relay holds are skipped. */
  async claim(limit: number, tx: SqlSession): Promise<OutboxJob[]> {
    const rows = await tx.query<{ id: string; queue: QueueName; job_name: string; job_id: string; payload: Record<string, unknown> }>(
      `SELECT id, queue, job_name, job_id, payload FROM outbox WHERE published_at IS NULL
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((r) => ({ id: r.id, queue: r.queue, jobName: r.job_name, jobId: r.job_id, payload: r.payload }));
  }

  async markPublished(ids: readonly string[], tx: SqlSession): Promise<void> {
    await tx.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [ids]);
  }

  /** Drops jobs published more than a day ago (kept that long for inspection). */
  async prunePublished(tx: SqlSession = this.db.pool): Promise<void> {
    await tx.query("DELETE FROM outbox WHERE published_at < now() - interval '1 day'");
  }
}
