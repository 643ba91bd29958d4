import { Client } from 'pg';
import { TestSystem } from './test-system';

/**
 * Holds the enterprises' rows (FOR UPDATE) in an open transaction on a connection of its own, so a
 * worker deciding their reports waits inside its verdict transaction until `release` is called.
 */
export async function holdEnterprises(databaseUrl: string, taxCodes: readonly string[]): Promise<{ release: () => Promise<void> }> {
  const blocker = new Client({ connectionString: databaseUrl });
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query('SELECT 1 FROM enterprises WHERE tax_code = ANY($1) ORDER BY tax_code FOR UPDATE', [taxCodes]);
  return {
    release: async () => {
      await blocker.query('ROLLBACK');
      await blocker.end();
    },
  };
}

/** Resolves once some transaction waits on a row another holds (a verdict stopped on held rows). */
export async function waitForRowLockWaiter(sys: TestSystem, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await sys.query(`SELECT 1 FROM pg_locks WHERE NOT granted AND locktype IN ('tuple', 'transactionid')`)).length === 0) {
    if (Date.now() > deadline) throw new Error('no worker reached the held rows');
    await new Promise((r) => setTimeout(r, 20));
  }
}
