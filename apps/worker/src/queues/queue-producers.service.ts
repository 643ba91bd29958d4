import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Settings } from '@app/config';
import { createRedisConnection, jobOptionsFor, QueueName } from '@app/queue';

/** One producer per queue, sharing a fail-fast connection: the outbox keeps work while Redis is down. */
@Injectable()
export class QueueProducers implements OnApplicationShutdown {
  private readonly connection: IORedis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly settings: Settings) {
    this.connection = createRedisConnection(settings.REDIS_URL, 'producer');
    this.connection.on('error', () => undefined);
  }

  /** The producers' connection, for the few plain commands the worker sends itself. */
  get redis(): IORedis {
    return this.connection;
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.settings.QUEUE_PREFIX,
        defaultJobOptions: jobOptionsFor(name, this.settings),
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Last: whatever stops before shutdown may still add jobs. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
