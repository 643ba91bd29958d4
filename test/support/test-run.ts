/** Names shared by global setup, the suites and teardown: one database and key prefix per run and suite. */
export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function runId(): string {
  const id = process.env.KCN_TEST_RUN;
  if (!id) throw new Error('KCN_TEST_RUN is not set: run the end-to-end suites through jest (global setup)');
  return id;
}

export function databaseUrl(name: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export const templateDatabase = (run: string) => `kcn_test_${run}_template`;
export const suiteDatabasePrefix = (run: string) => `kcn_test_${run}_`;
export const queuePrefix = (run: string, suite: string) => `kcn-test-${run}-${suite}`;
