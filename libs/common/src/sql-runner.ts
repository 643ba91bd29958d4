/** Anything that runs SQL: a TypeORM DataSource or transaction manager, a pg Pool. */
export interface SqlRunner {
  // The driver's rows are untyped; each caller names the row shape it selected.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}
