import { JobsOptions, MinimalJob } from 'bullmq';
import { QueueName } from './queue-names';

export const CAPPED_EXPONENTIAL = 'capped-exponential';
export const MAX_BACKOFF_MS = 15 * 60_000;

/** The settings that shape retries (see libs/config). */
export interface RetrySettings {
  readonly JOB_ATTEMPTS: number;
  readonly MAIL_JOB_ATTEMPTS: number;
  readonly JOB_BACKOFF_MS: number;
}

/** Finished jobs expire so Redis does not grow without bound. */
const KEPT = { removeOnComplete: { age: 3600, count: 10000 }, removeOnFail: { age: 7 * 24 * 3600, count: 50000 } };

/**
 * Retries with backoff. A mail server refusing for longer than the other jobs retry (10 attempts, about
 * 17 minutes, after which the email stayed pending for good) is tried again doubling from a second up
 * to every 15 minutes: 60 attempts keep trying for about 13 hours, as mail servers themselves do. A job
 * that still fails is not the end of its work: the worker's repair loop retries it while it is undone.
 */
export function jobOptionsFor(queue: QueueName, s: RetrySettings): JobsOptions {
  return queue === QueueName.Mail
    ? { ...KEPT, attempts: s.MAIL_JOB_ATTEMPTS, backoff: { type: CAPPED_EXPONENTIAL, delay: s.JOB_BACKOFF_MS } }
    : { ...KEPT, attempts: s.JOB_ATTEMPTS, backoff: { type: 'exponential', delay: s.JOB_BACKOFF_MS } };
}

/** BullMQ's backoffStrategy for CAPPED_EXPONENTIAL; workers pass it in their settings. */
export function backoffStrategy(attemptsMade: number, type?: string, _error?: Error, job?: MinimalJob): number {
  if (type !== CAPPED_EXPONENTIAL) throw new Error(`unknown backoff "${type}"`);
  const delay = (job?.opts.backoff as { delay?: number } | undefined)?.delay ?? 1000;
  return Math.min(MAX_BACKOFF_MS, delay * 2 ** Math.max(0, attemptsMade - 1));
}
