import { JobsOptions, MinimalJob } from 'bullmq';
import { QueueName } from './queue-names';

/** Retries with backoff; finished jobs expire so Redis does not grow without bound. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 50000 },
};

export const CAPPED_EXPONENTIAL = 'capped-exponential';
export const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * A mail server refusing for longer than the default retries last (10 attempts, about 17 minutes, then
 * the email stayed pending for good): doubling from a second up to every 15 minutes, 60 attempts keep
 * trying for about 13 hours, as mail servers themselves do.
 */
export const MAIL_JOB_OPTIONS: JobsOptions = {
  ...DEFAULT_JOB_OPTIONS,
  attempts: 60,
  backoff: { type: CAPPED_EXPONENTIAL, delay: 1000 },
};

export function jobOptionsFor(queue: QueueName): JobsOptions {
  return queue === QueueName.Mail ? MAIL_JOB_OPTIONS : DEFAULT_JOB_OPTIONS;
}

/** BullMQ's backoffStrategy for CAPPED_EXPONENTIAL; workers pass it in their settings. */
export function backoffStrategy(attemptsMade: number, type?: string, _error?: Error, job?: MinimalJob): number {
  if (type !== CAPPED_EXPONENTIAL) throw new Error(`unknown backoff "${type}"`);
  const delay = (job?.opts.backoff as { delay?: number } | undefined)?.delay ?? 1000;
  return Math.min(MAX_BACKOFF_MS, delay * 2 ** Math.max(0, attemptsMade - 1));
}
