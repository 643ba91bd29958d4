import { Job, Worker } from 'bullmq';
import { Settings } from '@app/config';
import { WorkerMetrics } from '../health/worker-metrics.service';
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
 * instead of completing it silently. Its connection's errors and its failed jobs, which come by the
 * thousand while Redis or PostgreSQL is away, go to error logs of their own.
 */
export function startQueueWorker(
  settings: Settings,
  metrics: WorkerMetrics,
  queue: QueueName,
  handlers: JobHandlers,
  concurrency: number,
): Worker {
  const connection = createRedisClient(settings, 'worker');
  const worker = new Worker(
    queue,
    async (job) => {
      const handler = handlers[job.name];
      if (!handler) throw new Error(`no handler for job "${job.name}" on queue "${queue}"`);
      return handler(job);
    },
    {
      connection,
      prefix: keyPrefix(settings),
      concurrency,
      autorun: true,
      ...STALLED_JOB_OPTIONS,
      settings: { backoffStrategy },
    },
  );
  const redis = metrics.errorLog(`queue:${queue}`);
  const jobs = metrics.errorLog(`jobs:${queue}`);
  worker.on('error', (error) => redis.failed(error));
  // Redis answers again once a job is taken or the queue is found empty.
  connection.on('ready', () => redis.recovered());
  worker.on('drained', () => redis.recovered());
  worker.on('active', () => redis.recovered());
  worker.on('failed', (job, error) => {
    metrics.jobs.inc({ queue, outcome: 'failed' });
    jobs.failed(error, `job ${job?.id} (${job?.name}), attempt ${job?.attemptsMade}`);
  });
  worker.on('completed', () => {
    metrics.jobs.inc({ queue, outcome: 'completed' });
    jobs.recovered();
  });
  return worker;
}
