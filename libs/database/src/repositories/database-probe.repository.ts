import { Transactions } from '../sql/transactions.service';

/** The backlog /metrics shows: submissions by status, and outbox rows not yet handed to the queue. */
export interface Backlog {
  readonly reportsByStatus: ReadonlyArray<{ status: string; n: number }>;
  readonly outboxPending: number;
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
    const [{ n }] = await this.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    return { reportsByStatus, outboxPending: n };
  }
}
