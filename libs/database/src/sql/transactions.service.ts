import { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { DatabaseTimeouts, HangUpClient, pgConnectionOptions } from '../data-source-options';
import { SqlSession } from './sql-session';

/**
 * A session on a TypeORM runner: rows of a SELECT (or of RETURNING), never the driver's other shapes.
 * (TypeORM prepares no named statements: those run as any other.)
 */
export function sqlSession(runner: DataSource | EntityManager): SqlSession {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result: unknown = await runner.query(sql, [...params]);
      // UPDATE/DELETE without RETURNING answer [rows, count] through TypeORM; repositories want rows.
      if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
        return result[0] as T[];
      return result as T[];
    },
  };
}

/** A session on a plain pg pool or pooled client. */
function pgSession(runner: Pool | PoolClient): SqlSession {
  return {
    async query<T>(sql: string, params: readonly unknown[] = [], prepared?: string): Promise<T[]> {
      return (await runner.query({ text: sql, values: [...params], name: prepared })).rows as T[];
    },
  };
}

async function pgTransaction<T>(pool: Pool, work: (tx: SqlSession) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A connection lost while no statement of the transaction runs (the worker awaiting Redis, say) is an
  // 'error' event: without a listener it would end the process; the next statement fails instead.
  const lost = (error: Error) => {
    broken = error;
  };
  client.on('error', lost);
  try {
    await client.query('BEGIN');
    const result = await work(pgSession(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.off('error', lost);
    // A connection lost, or that cannot even roll back, is discarded rather than handed to the next caller.
    client.release(broken);
  }
}

/** The pg pool under an initialized TypeORM data source. */
function driverPool(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/**
 * The pool and transactions, for services and repositories: the one place outside `libs/database` that
 * decides where a unit of work begins and ends, without writing SQL. The applications get it from
 * DatabaseModule over their TypeORM data source, whose pg pool it uses straight (TypeORM adds a query
 * runner per statement and nothing the repositories need; the intake's batches go this way too); tools
 * and tests that start no Nest application may construct it over a plain pg pool. (Like the repositories,
 * it imports nothing of Nest, so that jest, which cannot load Nest's ES modules, and the CLI can use it.)
 */
export class Transactions {
  readonly pool: SqlSession;
  private readonly pgPool: Pool;

  constructor(runner: DataSource | Pool) {
    this.pgPool = runner instanceof Pool ? runner : driverPool(runner);
    this.pool = pgSession(this.pgPool);
  }

  /** Runs `work` in one transaction: every repository call given `tx` commits or rolls back together. */
  run<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return pgTransaction(this.pgPool, work);
  }

  /**
   * Runs `work` holding the advisory lock `key` on a connection of its own, outside any transaction (so
   * that a long piece of work is not cut by the idle-in-transaction timeout); the lock goes with the
   * connection if the process dies.
   */
  async exclusively<T>(key: number, work: () => Promise<T>): Promise<T> {
    const client = await this.pgPool.connect();
    let broken: Error | undefined;
    // As in a transaction: a connection lost while the work runs elsewhere must not end the process.
    const lost = (error: Error) => {
      broken = error;
    };
    client.on('error', lost);
    try {
      await client.query('SELECT pg_advisory_lock($1)', [key]);
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [key]).catch((error: Error) => {
          broken = error;
        });
      }
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  }
}

/** Runs `work` on a pool of its own, closed afterwards: for a command that starts no Nest application. */
export async function withTransactions<T>(
  url: string,
  timeouts: DatabaseTimeouts,
  work: (transactions: Transactions) => Promise<T>,
): Promise<T> {
  const pool = new Pool({ connectionString: url, max: 1, ...pgConnectionOptions(timeouts), Client: HangUpClient });
  try {
    return await work(new Transactions(pool));
  } finally {
    await pool.end();
  }
}
