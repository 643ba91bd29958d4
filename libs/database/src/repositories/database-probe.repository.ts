import { Transactions } from '../sql/transactions.service';

/**
 * The backlog /metrics shows: submissions by status and those still undecided a minute after they were
 * stored, and outbox rows not yet handed to the queue with the age of the oldest (0 when none).
 */
export interface Backlog {
  readonly reportsByStatus: ReadonlyArray<{ status: string; n: number }>;
  readonly reportsUndecidedOverMinute: number;
  readonly outboxPending: number;
  readonly outboxOldestSeconds: number;
}

/** What operations ask of the database itself: does it answer, and how much work waits in it. */
export class DatabaseProbe {
  constructor(private readonly db: Transactions) {}

  /** Resolves once the database answered a trivial query. */
  async ping(): Promise<void> {
    await this.db.pool.query('SELECT 1');
  }

  /** Counts that scan report_submissions: for a cache in front of them, never per request. */
  async backlog(): Promise<Backlog> {
    const reportsByStatus = await this.db.pool.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM report_submissions GROUP BY status',
    );
    const [{ late }] = await this.db.pool.query<{ late: number }>(
      `SELECT count(*)::int AS late FROM report_submissions WHERE status = 'received' AND stored_at < now() - interval '1 minute'`,
    );
    const [{ n, oldest }] = await this.db.pool.query<{ n: number; oldest: number }>(
      `SELECT count(*)::int AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest
       FROM outbox WHERE published_at IS NULL`,
    );
    return { reportsByStatus, reportsUndecidedOverMinute: late, outboxPending: n, outboxOldestSeconds: oldest };
  }
}
