import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Settings } from '@app/config';
import { createRedisClient, jobOptionsFor, keyPrefix, QueueName, RedisClient, whenReady } from '@app/queue';

/** How long a producer waits for Redis before its caller gives up (the outbox keeps the work). */
const READY_WAIT_MS = 2000;

/**
 * One producer per queue, sharing a fail-fast connection: the outbox keeps work while Redis is down.
 * Each use waits a moment for the connection to be ready and fails otherwise; a queue is built only
 * on a ready connection, so nothing a queue keeps comes from a connection that was not.
 */
@Injectable()
export class QueueProducers implements OnApplicationShutdown {
  private readonly connection: RedisClient;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly settings: Settings) {
    this.connection = createRedisClient(settings, 'producer');
    this.connection.on('error', () => undefined);
  }

  /** Resolves when the connection is ready, or fails within a moment. */
  ready(): Promise<void> {
    return whenReady(this.connection, READY_WAIT_MS);
  }

  /** The producers' connection once ready, for the few plain commands the worker sends itself. */
  async redis(): Promise<RedisClient> {
    await this.ready();
    return this.connection;
  }

  async queue(name: QueueName): Promise<Queue> {
    await this.ready();
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: keyPrefix(this.settings),
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
