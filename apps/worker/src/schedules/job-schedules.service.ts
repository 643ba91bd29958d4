import { Injectable, Logger } from '@nestjs/common';
import { Settings } from '@app/config';
import { jobSchedules, SCHEDULE_TIME_ZONE, scheduleTemplate } from '@app/queue';
import { QueueProducers } from '../queues/queue-producers.service';

/**
 * Upserts the BullMQ job schedulers from one place. BullMQ keeps one scheduler per id and creates each
 * occurrence once (job id = scheduler and instant), so every worker may call this and the monthly
 * publication still runs once.
 */
@Injectable()
export class JobSchedules {
  private readonly logger = new Logger(JobSchedules.name);

  constructor(
    private readonly settings: Settings,
    private readonly producers: QueueProducers,
  ) {}

  /** At start-up Redis may still be down: keep trying in the background, never block the worker. */
  upsertWhenReachable(): void {
    this.upsertAll().catch((error: Error) => {
      this.logger.warn(`job schedulers not upserted yet (${error.message}); retrying`);
      setTimeout(() => this.upsertWhenReachable(), 5000).unref();
    });
  }

  async upsertAll(): Promise<string[]> {
    const done: string[] = [];
    for (const s of jobSchedules(this.settings)) {
      await this.producers.queue(s.queue).waitUntilReady();
      await this.producers.queue(s.queue).upsertJobScheduler(s.id, { pattern: s.pattern, tz: SCHEDULE_TIME_ZONE }, scheduleTemplate(s));
      done.push(`${s.id}: ${s.pattern} (${SCHEDULE_TIME_ZONE})`);
    }
    this.logger.log(`job schedulers: ${done.join('; ')}`);
    return done;
  }
}
