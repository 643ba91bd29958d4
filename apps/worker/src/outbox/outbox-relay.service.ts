import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorLog } from '@app/common';
import { Settings } from '@app/config';
import { OutboxJob, OutboxRepository, Transactions } from '@app/database';
import { QueueName } from '@app/queue';
import { QueueProducers } from '../queues/queue-producers.service';
import { WorkerMetrics } from '../health/worker-metrics.service';

const BATCH = 500;
const MAX_BACKOFF_MS = 5000;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Moves outbox rows to their queues. Rows are claimed with SKIP LOCKED (several workers may run) and
 * marked published in the same transaction only after Redis accepted the jobs; a crash in between
 * re-adds them under the same jobId, which BullMQ ignores, and processing is idempotent anyway.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly errors: ErrorLog;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | null = null;
  private lastPrune = 0;

  constructor(
    private readonly db: Transactions,
    private readonly outbox: OutboxRepository,
    private readonly producers: QueueProducers,
    private readonly settings: Settings,
    metrics: WorkerMetrics,
  ) {
    this.errors = metrics.errorLog('outbox relay');
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  /** A batch being relayed is finished; the wait for the next one is cut short. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  /** Relays one batch; returns how many rows went to the queues. */
  async relayOnce(): Promise<number> {
    // Not while Redis is away: rows would be claimed only to be given back.
    await this.producers.ready();
    return this.db.run(async (tx) => {
      const rows = await this.outbox.claim(BATCH, tx);
      if (rows.length === 0) return 0;
      const byQueue = new Map<QueueName, OutboxJob[]>();
      for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
      for (const [queue, jobs] of byQueue) {
        const producer = await this.producers.queue(queue);
        await producer.addBulk(jobs.map((j) => ({ name: j.jobName, data: j.payload, opts: { jobId: j.jobId } })));
      }
      await this.outbox.markPublished(
        rows.map((r) => r.id),
        tx,
      );
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    const pause = (ms: number) => sleep(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined);
    while (!this.stopping.signal.aborted) {
      try {
        const moved = await this.relayOnce();
        this.errors.recovered();
        failures = 0;
        await this.pruneNow();
        if (moved < BATCH) await pause(this.settings.OUTBOX_POLL_MS);
      } catch (error) {
        this.errors.failed(error as Error);
        failures++;
        await pause(Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.min(failures, 6)));
      }
    }
  }

  /** Published rows are kept a day for inspection, then dropped. */
  private async pruneNow(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.outbox.prunePublished();
  }
}
