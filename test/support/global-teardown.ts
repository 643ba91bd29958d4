import { Client } from 'pg';
import { loadSettings } from '../../libs/config/src/settings';
import { deleteKeys } from '@app/queue';
import { ADMIN_URL, queuePrefix, REDIS_URL, runId, suiteDatabasePrefix } from './test-run';

/** Drops whatever this run left behind, even when a suite crashed before its own clean-up. */
export default async function globalTeardown(): Promise<void> {
  const run = runId();
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${suiteDatabasePrefix(run)}%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await deleteKeys(loadSettings({ REDIS_URL }), `${queuePrefix(run, '')}*`);
}
