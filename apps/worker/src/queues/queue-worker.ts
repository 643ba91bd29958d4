import { Logger } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { Settings } from '@app/config';
import { createRedisConnection, QueueName } from '@app/queue';

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
    { connection: createRedisConnection(settings.REDIS_URL, 'worker'), prefix: settings.QUEUE_PREFIX, concurrency, autorun: true },
  );
  worker.on('failed', (job, error) => logger.warn(`job ${job?.id} (${job?.name}) failed, attempt ${job?.attemptsMade}: ${error.message}`));
  worker.on('error', (error) => logger.warn(`worker error: ${error.message}`));
  return worker;
}
