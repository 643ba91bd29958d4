import { Job, JobSchedulerJson, Queue } from 'bullmq';
import { loadSettings } from '../../libs/config/src/settings';
import { createRedisClient, keyPrefix, QueueName, RedisClient } from '@app/queue';
import { jobFinished } from './queue-probe';
import { TestSystem } from './test-system';

/** One of the suite's queues as BullMQ sees it: add a job by hand, wait for it, count what ran. */
export class QueueJobs {
  private readonly connection: RedisClient;
  readonly queue: Queue;

  constructor(sys: TestSystem, name: QueueName) {
    const settings = loadSettings(sys.env);
    this.connection = createRedisClient(settings, 'probe');
    this.connection.on('error', () => undefined);
    this.queue = new Queue(name, { connection: this.connection, prefix: keyPrefix(settings) });
    this.queue.on('error', () => undefined);
  }

  /** Adds the job a scheduler would add, under a job id of our own (so a doubled one is a second job). */
  async add(name: string, jobId: string, data: Record<string, unknown> = {}): Promise<void> {
    await this.queue.add(name, data, { jobId, removeOnComplete: false, removeOnFail: false });
  }

  /** Waits until the job has completed or failed and returns it, with its return value. */
  finished(jobId: string, timeoutMs = 15_000): Promise<Job> {
    return jobFinished(this.queue, jobId, timeoutMs);
  }

  async completed(): Promise<Job[]> {
    return this.queue.getJobs(['completed']);
  }

  async failed(): Promise<Job[]> {
    return this.queue.getJobs(['failed']);
  }

  async schedulers(): Promise<JobSchedulerJson[]> {
    return this.queue.getJobSchedulers();
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}
