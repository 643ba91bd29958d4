import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { dropDatabase, ensureDatabase } from '../../libs/database/src/database-admin';
import { sqlSession, Transactions } from '../../libs/database/src/sql/transactions.service';
import { databaseUrl, runId, suiteDatabasePrefix, templateDatabase } from './test-run';

/** A fresh copy of the run's migrated template for one suite: its URL (dropped first if a crashed run left it). */
export async function copyTemplateDatabase(suite: string): Promise<string> {
  const run = runId();
  const url = databaseUrl(`${suiteDatabasePrefix(run)}${suite.replace(/\W/g, '_')}`);
  await dropDatabase(url);
  await ensureDatabase(url, templateDatabase(run));
  return url;
}

/** A suite's own database, reached the way the apps reach theirs (a TypeORM pool), without HTTP or app processes. */
export interface TestDatabase {
  readonly url: string;
  readonly transactions: Transactions;
  /** Direct access for arranging and asserting: rows of a query. */
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function openTestDatabase(suite: string): Promise<TestDatabase> {
  const url = await copyTemplateDatabase(suite);
  // The apps' timeouts, with room for the lock waits a suite provokes on purpose.
  const dataSource = await new DataSource(
    dataSourceOptions(url, 4, { connectMs: 3000, statementMs: 10_000, lockMs: 10_000, idleInTransactionMs: 60_000 }),
  ).initialize();
  const direct = sqlSession(dataSource);
  return {
    url,
    transactions: new Transactions(dataSource),
    query: (sql, params = []) => direct.query(sql, params),
    async close() {
      await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}
