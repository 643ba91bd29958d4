import { Job, Queue } from 'bullmq';
import { loadSettings } from '../../libs/config/src/settings';
import { createRedisClient, JobName, keyPrefix, QueueName, RedisClient } from '@app/queue';
import { TestSystem } from './test-system';

/** Reads jobs of a suite's reports queue, and pushes a submission through the queue again via the outbox. */
export class QueueProbe {
  private readonly connection: RedisClient;
  private readonly queue: Queue;

  constructor(private readonly sys: TestSystem) {
    const settings = loadSettings(sys.env);
    this.connection = createRedisClient(settings, 'probe');
    this.connection.on('error', () => undefined);
    this.queue = new Queue(QueueName.Reports, { connection: this.connection, prefix: keyPrefix(settings) });
  }

  /** As the API would: an outbox row for the worker's relay, here under another job id. */
  async enqueueAgain(submissionId: string, jobId: string): Promise<void> {
    await this.sys.query('INSERT INTO outbox (queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4)', [
      QueueName.Reports,
      JobName.ProcessReport,
      jobId,
      JSON.stringify({ submissionId }),
    ]);
  }

  /** Waits until the job has finished and returns it (its returnvalue is the worker's verdict). */
  finished(jobId: string, timeoutMs = 15_000): Promise<Job> {
    return jobFinished(this.queue, jobId, timeoutMs);
  }

  /** Jobs that took more than one attempt, with why the last one failed. */
  async retried() {
    const jobs = await this.queue.getJobs(['completed', 'failed', 'delayed', 'wait', 'active']);
    return jobs
      .filter((j) => j.attemptsMade > 1 || j.failedReason)
      .map((j) => ({ id: j.id, attempts: j.attemptsMade, reason: j.failedReason, stack: j.stacktrace?.[0]?.slice(0, 300) }));
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}

/** Waits until a job has completed or failed and returns it, with its return value. */
export async function jobFinished(queue: Queue, jobId: string, timeoutMs = 15_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // State first, then the job: a job read while still active would lack its return value.
    const state = await queue.getJobState(jobId);
    if (state === 'completed' || state === 'failed') return (await queue.getJob(jobId))!;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is ${state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
