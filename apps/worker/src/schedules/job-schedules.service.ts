import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Settings } from '@app/config';
import { JobSchedule, jobSchedules, SCHEDULE_TIME_ZONE, scheduleTemplate } from '@app/queue';
import { PeriodicTask } from '../common/periodic-task';
import { QueueProducers } from '../queues/queue-producers.service';
import { RepairCounts } from '../repair/repair-counts.service';
import { WorkerMetrics } from '../health/worker-metrics.service';

/**
 * Upserts the BullMQ job schedulers from one place. BullMQ keeps one scheduler per id and creates each
 * occurrence once (job id = scheduler and instant), so every worker may call this and the monthly
 * publication still runs once. They live in Redis alone: after a restart without persistence they are
 * gone, so the worker looks for them every SCHEDULE_CHECK_MS (one read per schedule) and re-creates
 * those missing.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private upserted = false;
  private readonly check: PeriodicTask;

  constructor(
    private readonly settings: Settings,
    private readonly producers: QueueProducers,
    private readonly counts: RepairCounts,
    metrics: WorkerMetrics,
  ) {
    this.check = new PeriodicTask(metrics.errorLog('job scheduler check'), settings.SCHEDULE_CHECK_MS, () => this.upsertOrRepair());
  }

  onApplicationBootstrap(): void {
    this.check.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.check.stop();
  }

  /** At start-up (Redis may still be down) every schedule is upserted, as settings may have changed; then only missing ones. */
  private async upsertOrRepair(): Promise<void> {
    if (!this.upserted) {
      await this.upsertAll();
      this.upserted = true;
      return;
    }
    for (const s of jobSchedules(this.settings)) {
      const queue = await this.producers.queue(s.queue);
      if (await queue.getJobScheduler(s.id)) continue;
      await this.upsert(s);
      await this.counts.add('scheduler', s.id);
      this.logger.warn(`job scheduler ${s.id} was missing (Redis restarted empty?); re-created: ${s.pattern} (${SCHEDULE_TIME_ZONE})`);
    }
  }

  private async upsertAll(): Promise<void> {
    const done: string[] = [];
    for (const s of jobSchedules(this.settings)) {
      await this.upsert(s);
      done.push(`${s.id}: ${s.pattern} (${SCHEDULE_TIME_ZONE})`);
    }
    this.logger.log(`job schedulers: ${done.join('; ')}`);
  }

  private async upsert(s: JobSchedule): Promise<void> {
    const queue = await this.producers.queue(s.queue);
    await queue.upsertJobScheduler(s.id, { pattern: s.pattern, tz: SCHEDULE_TIME_ZONE }, scheduleTemplate(s, this.settings));
  }
}
