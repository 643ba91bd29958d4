import { Client, types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the process time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);

/** How long a process waits on PostgreSQL; 0 means no limit. */
export interface DatabaseTimeouts {
  /** For a new connection, or a free one of a pool. */
  readonly connectMs: number;
  /** Per statement, enforced by the server; the client gives up a second later (a server or network that hangs). */
  readonly statementMs: number;
  readonly lockMs: number;
  readonly idleInTransactionMs: number;
}

/** Creating databases and migrating: statements as long as they need, but no endless wait for a server that is not there. */
export const ADMIN_TIMEOUTS: DatabaseTimeouts = { connectMs: 10_000, statementMs: 0, lockMs: 30_000, idleInTransactionMs: 0 };

// The client's own limit on top of statement_timeout: the server's cancel normally answers first.
const CLIENT_GRACE_MS = 1000;

/**
 * A pg client that closes its connection when a query gets no answer within query_timeout. pg only
 * stops waiting for that query: the connection stays busy with it, and every later query handed to
 * it (by TypeORM, which gives it back to the pool as healthy) would hang behind it.
 */
export class HangUpClient extends Client {
  // pg's query is overloaded (promise or callback); this keeps every overload's return as it is.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: unknown[]): any {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: Error | null, result: unknown) => {
        this.hangUpAfter(error);
        (callback as (e: Error | null, r: unknown) => void)(error, result);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) result.catch((error: Error) => this.hangUpAfter(error));
    return result;
  }

  private hangUpAfter(error: Error | null): void {
    if (error?.message === 'Query read timeout') void this.end().catch(() => undefined);
  }
}

/** Options of a pg Client or Pool bounded by `timeouts` (sent as session settings at connection). */
export function pgConnectionOptions(timeouts: DatabaseTimeouts) {
  return {
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    lock_timeout: timeouts.lockMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    ...(timeouts.statementMs > 0 ? { query_timeout: timeouts.statementMs + CLIENT_GRACE_MS } : {}),
    // Lets the operating system notice a peer that vanished while a connection sat idle.
    keepAlive: true,
    application_name: 'kcn-reporting',
  };
}

export function dataSourceOptions(url: string, poolSize: number, timeouts: DatabaseTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize, ...pgConnectionOptions(timeouts), Client: HangUpClient },
  };
}
