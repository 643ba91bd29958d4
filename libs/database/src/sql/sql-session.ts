/**
 * Where a repository runs its SQL: the pool (each statement on its own) or one transaction. Only
 * repositories call `query`; services pass a session along to group repository calls in one transaction.
 */
export interface SqlSession {
  /**
   * `prepared` names a statement run often with the same text (and always under that name): it is then
   * parsed and planned once per connection, not on each call.
   */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], prepared?: string): Promise<T[]>;
}
