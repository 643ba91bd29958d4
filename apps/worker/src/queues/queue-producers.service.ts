import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Settings } from '@app/config';
import { createRedisConnection, jobOptionsFor, QueueName } from '@app/queue';

/** One producer per queue, sharing a fail-fast connection: the outbox keeps work while Redis is down. */
@Injectable()
export class QueueProducers implements OnModuleDestroy {
  private readonly connection: IORedis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly settings: Settings) {
    this.connection = createRedisConnection(settings.REDIS_URL, 'producer');
    this.connection.on('error', () => undefined);
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.settings.QUEUE_PREFIX, defaultJobOptions: jobOptionsFor(name) });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
