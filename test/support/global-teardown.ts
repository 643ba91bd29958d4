import { Client } from 'pg';
import IORedis from 'ioredis';
import { ADMIN_URL, queuePrefix, REDIS_URL, runId, suiteDatabasePrefix } from './test-run';

/** Drops whatever this run left behind, even when a suite crashed before its own clean-up. */
export default async function globalTeardown(): Promise<void> {
  const run = runId();
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${suiteDatabasePrefix(run)}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  const redis = new IORedis(REDIS_URL);
  try {
    await deleteKeys(redis, `${queuePrefix(run, '')}*`);
  } finally {
    redis.disconnect();
  }
}

export async function deleteKeys(redis: IORedis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
