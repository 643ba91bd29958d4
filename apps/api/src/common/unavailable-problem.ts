import { QueryFailedError } from 'typeorm';
import { BatcherOverloaded } from '@app/common';
import { problemBody, ProblemBody } from './problem';

/** What every 503 tells a client: try again after this many seconds. */
export const RETRY_AFTER_SECONDS = 5;

// SQLSTATEs that say "not now" rather than "not this request": the statement, lock and idle transaction
// timeouts, serialization failures and deadlocks, a server shutting down or starting up; and whole
// classes: 08 connection exceptions, 53 insufficient resources (too many connections, disk full).
const RETRYABLE_STATES = new Set(['57014', '55P03', '25P03', '40001', '40P01', '57P01', '57P02', '57P03']);
const RETRYABLE_CLASSES = new Set(['08', '53']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// How pg and its pool say that no answer came or the connection is gone.
const CONNECTION_MESSAGES = new RegExp(
  '^(Query read timeout|timeout exceeded when trying to connect|Connection terminated' +
    '|Client (has encountered a connection error|was closed) and is not queryable)',
);

function databaseUnavailable(error: unknown): boolean {
  const cause = (error instanceof QueryFailedError ? error.driverError : error) as { code?: unknown; message?: unknown } | null;
  if (typeof cause !== 'object' || cause === null) return false;
  const code = typeof cause.code === 'string' ? cause.code : '';
  if (RETRYABLE_STATES.has(code) || (code.length === 5 && RETRYABLE_CLASSES.has(code.slice(0, 2))) || NETWORK_CODES.has(code)) return true;
  return typeof cause.message === 'string' && CONNECTION_MESSAGES.test(cause.message);
}

/**
 * 503 problem details for an error that is the database's state, not the request's fault (down, not
 * answering in time, a lock or statement timeout), or an intake queue that is full; null otherwise.
 */
export function unavailableProblem(error: unknown): ProblemBody | null {
  if (error instanceof BatcherOverloaded) {
    return problemBody(
      503,
      `Too many reports are waiting to be stored; nothing was stored: send it again in ${RETRY_AFTER_SECONDS} seconds.`,
    );
  }
  if (databaseUnavailable(error)) {
    return problemBody(
      503,
      `The database is unavailable or did not answer in time: try again in ${RETRY_AFTER_SECONDS} seconds ` +
        '(a report with the same Idempotency-Key, so that it is stored once).',
    );
  }
  return null;
}
