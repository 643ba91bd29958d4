/**
 * Where a repository runs its SQL: the pool (each statement on its own) or one transaction. Only
 * repositories call `query`; services pass a session along to group repository calls in one transaction.
 */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}
