/** Anything that runs SQL: a TypeORM DataSource or transaction manager, a pg Pool. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any>;
}
