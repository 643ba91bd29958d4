import { Client } from 'pg';
import { TestSystem } from './test-system';

/** Settings for a suite that holds locks on purpose: its apps wait for them rather than give up after the lock or statement timeout. */
export const WAIT_FOR_HELD_LOCKS = { DB_LOCK_TIMEOUT_MS: '120000', DB_STATEMENT_TIMEOUT_MS: '120000' } as const;

/** Runs `sql` in a transaction left open on a connection of its own: the locks it took are held until `release`. */
async function holdLocks(databaseUrl: string, sql: string, params: unknown[]): Promise<{ release: () => Promise<void> }> {
  const holder = new Client({ connectionString: databaseUrl });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query(sql, params);
  return {
    release: async () => {
      await holder.query('ROLLBACK');
      await holder.end();
    },
  };
}

/** Holds the enterprises' rows, so a worker deciding their reports waits inside its verdict transaction. */
export function holdEnterprises(databaseUrl: string, taxCodes: readonly string[]): Promise<{ release: () => Promise<void> }> {
  return holdLocks(databaseUrl, 'SELECT 1 FROM enterprises WHERE tax_code = ANY($1) ORDER BY tax_code FOR UPDATE', [taxCodes]);
}

/** Holds a transaction-level advisory lock. */
export function holdAdvisoryLock(databaseUrl: string, key: number): Promise<{ release: () => Promise<void> }> {
  return holdLocks(databaseUrl, 'SELECT pg_advisory_xact_lock($1)', [key]);
}

/**
 * Resolves once `count` sessions of the suite's database wait for a lock of the given kinds (pg_locks
 * covers the whole cluster, which other suites share).
 */
export async function waitForLockWaiters(sys: TestSystem, kinds: readonly string[], count = 1, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await sys.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE NOT l.granted AND l.locktype = ANY($1) AND a.datname = current_database()`,
      [kinds],
    );
    if (n >= count) return;
    if (Date.now() > deadline) throw new Error(`${n} of ${count} sessions waiting on a ${kinds.join('/')} lock after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves once a transaction waits on a row another holds (a verdict stopped on held rows). */
export function waitForRowLockWaiter(sys: TestSystem, timeoutMs = 10_000): Promise<void> {
  return waitForLockWaiters(sys, ['tuple', 'transactionid'], 1, timeoutMs);
}
