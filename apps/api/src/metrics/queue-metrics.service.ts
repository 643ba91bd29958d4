import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Counter, Gauge } from 'prom-client';
import { Settings } from '@app/config';
import { keyPrefix, QueueName, repairCountsKey, RepairKind } from '@app/queue';
import { RedisProbe, withTimeout } from '../health/redis-probe.service';
import { MetricsService } from './metrics.service';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;
const READ_TIMEOUT_MS = 1000;

/**
 * Queue figures on /metrics, read from Redis at scrape time through the probe's connection (never on
 * the request path): jobs by queue and state, and what the worker repaired, which it counts in Redis
 * (libs/queue repair-counts). While Redis is away they are left out of the scrape, not failing it.
 */
@Injectable()
export class QueueMetrics implements OnModuleDestroy {
  private queues: Queue[] | null = null;

  constructor(
    metrics: MetricsService,
    private readonly probe: RedisProbe,
    private readonly settings: Settings,
  ) {
    // prom-client calls collect() with the metric as `this`.
    const queues = () => this.bullQueues();
    const repairCounts = (kind: RepairKind) => this.repairCounts(kind);
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in the queues by state',
      labelNames: ['queue', 'state'],
      registers: [metrics.registry],
      async collect() {
        this.reset();
        const counts = await withTimeout(Promise.all(queues().map((q) => q.getJobCounts(...STATES))), READ_TIMEOUT_MS).catch(() => null);
        counts?.forEach((byState, i) => STATES.forEach((state) => this.set({ queue: queues()[i].name, state }, byState[state] ?? 0)));
      },
    });
    const repairs = (name: string, help: string, label: string, kind: RepairKind) =>
      new Counter({
        name,
        help,
        labelNames: [label],
        registers: [metrics.registry],
        async collect() {
          this.reset();
          for (const [subject, n] of await repairCounts(kind)) this.inc({ [label]: subject }, n);
        },
      });
    repairs('queue_jobs_retried_total', 'Failed jobs the worker retried because their work was still undone', 'queue', 'retried');
    repairs(
      'queue_jobs_requeued_total',
      'Jobs the worker added again because Redis had lost them while their work was undone',
      'queue',
      'requeued',
    );
    repairs('job_schedulers_recreated_total', 'Job schedulers the worker found missing and re-created', 'scheduler', 'scheduler');
  }

  /** Created on the first scrape, so an api that is never scraped makes no queue connections. */
  private bullQueues(): Queue[] {
    this.queues ??= Object.values(QueueName).map((name) => {
      const queue = new Queue(name, { connection: this.probe.redis, prefix: keyPrefix(this.settings) });
      queue.on('error', () => undefined);
      return queue;
    });
    return this.queues;
  }

  private async repairCounts(kind: RepairKind): Promise<Map<string, number>> {
    const all = await withTimeout(this.probe.redis.hgetall(repairCountsKey(keyPrefix(this.settings))), READ_TIMEOUT_MS).catch(() => ({}));
    const prefix = `${kind}:`;
    return new Map(
      Object.entries(all)
        .filter(([field]) => field.startsWith(prefix))
        .map(([field, n]) => [field.slice(prefix.length), Number(n)]),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled((this.queues ?? []).map((q) => q.close()));
  }
}
