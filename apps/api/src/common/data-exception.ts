/** SQLSTATE class 22, "data exception": a value PostgreSQL would not take (a NUL, a number or date out of range, a bad cast). */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

export interface DataException {
  readonly sqlState: string;
  /** For the caller: what went wrong, without the value. */
  readonly detail: string;
  /** For the log: PostgreSQL's own words, so that the missing validation rule gets written. */
  readonly logLine: string;
}

function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null | undefined;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The last line of defence behind validation: a request value that still reached PostgreSQL and was
 * refused there (from pg directly or wrapped by TypeORM) is the caller's error, not a server failure.
 */
export function dataException(error: unknown): DataException | null {
  const code = sqlState(error);
  if (code === undefined || !DATA_EXCEPTION.test(code)) return null;
  return {
    sqlState: code,
    detail: `A value in the request cannot be stored or compared (PostgreSQL data exception ${code}); check the values sent.`,
    logLine: `a request value was refused by PostgreSQL (SQLSTATE ${code}): ${String((error as { message?: unknown }).message)}`,
  };
}
