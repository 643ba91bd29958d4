import { Logger } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { Settings } from '@app/config';
import { backoffStrategy, createRedisClient, keyPrefix, QueueName } from '@app/queue';

/**
 * Recovery of jobs whose worker died (SIGKILL, OOM, a lost host). Such a job stays active until its
 * lock expires and a stalled-job check moves it back to wait; with BullMQ's defaults (30 s lock, 30 s
 * checks) a killed worker held its reports undecided for up to a minute. Our jobs are short database
 * transactions, so a 10 s lock (renewed every 5 s) leaves ample margin, and a job stalled a few times
 * is still run again rather than failed: processing is idempotent, and a failed job would leave its
 * report `received` for good.
 */
const STALLED_JOB_OPTIONS = { lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 5 } as const;

export type JobHandlers = Record<string, (job: Job) => Promise<unknown>>;

/**
 * A BullMQ worker whose jobs are dispatched by name; a job name with no handler fails the job loudly
 * instead of completing it silently.
 */
export function startQueueWorker(settings: Settings, queue: QueueName, handlers: JobHandlers, concurrency: number): Worker {
  const logger = new Logger(`queue:${queue}`);
  const worker = new Worker(
    queue,
    async (job) => {
      const handler = handlers[job.name];
      if (!handler) throw new Error(`no handler for job "${job.name}" on queue "${queue}"`);
      return handler(job);
    },
    {
      connection: createRedisClient(settings, 'worker'),
      prefix: keyPrefix(settings),
      concurrency,
      autorun: true,
      ...STALLED_JOB_OPTIONS,
      settings: { backoffStrategy },
    },
  );
  worker.on('failed', (job, error) => logger.warn(`job ${job?.id} (${job?.name}) failed, attempt ${job?.attemptsMade}: ${error.message}`));
  worker.on('error', (error) => logger.warn(`worker error: ${error.message}`));
  return worker;
}
