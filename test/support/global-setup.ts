import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDatabase, migrateDatabase } from '../../libs/database/src/database-admin';
import { databaseUrl, REDIS_URL, templateDatabase } from './test-run';

/** Once per run: a template database built from the migrations, which every suite copies. */
export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  process.env.KCN_TEST_RUN = run;
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${REDIS_URL}: ${(error as Error).message}`, { cause: error });
  } finally {
    redis.disconnect();
  }
  // The suites run the built apps as processes, as in production: build them first (swc, about a second).
  execFileSync('npm', ['run', '-s', 'build:js'], { cwd: join(__dirname, '..', '..'), stdio: 'inherit' });
  const url = databaseUrl(templateDatabase(run));
  await ensureDatabase(url);
  await migrateDatabase(url);
}
