import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SqlSession } from './sql-session';

/** A session on a TypeORM runner: rows of a SELECT (or of RETURNING), never the driver's other shapes. */
export function sqlSession(runner: DataSource | EntityManager): SqlSession {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result: unknown = await runner.query(sql, [...params]);
      // UPDATE/DELETE without RETURNING answer [rows, count] through TypeORM; repositories want rows.
      if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
      return result as T[];
    },
  };
}

/**
 * The pool and transactions, for services and repositories: the one place outside `libs/database` that
 * decides where a unit of work begins and ends, without writing SQL.
 */
@Injectable()
export class Transactions {
  readonly pool: SqlSession;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.pool = sqlSession(dataSource);
  }

  /** Runs `work` in one transaction: every repository call given `tx` commits or rolls back together. */
  run<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(sqlSession(manager)));
  }
}
