import { Queue } from 'bullmq';
import { Settings } from '@app/config';
import { createRedisClient, jobSchedules, keyPrefix, SCHEDULE_TIME_ZONE, scheduleTemplate } from '@app/queue';

/** Upserts the job schedulers (the worker also does at start-up); prints what is scheduled. */
export async function schedulesUpsert(settings: Settings, log: (line: string) => void): Promise<void> {
  const connection = createRedisClient(settings, 'worker');
  try {
    for (const s of jobSchedules(settings)) {
      const queue = new Queue(s.queue, { connection, prefix: keyPrefix(settings) });
      await queue.upsertJobScheduler(s.id, { pattern: s.pattern, tz: SCHEDULE_TIME_ZONE }, scheduleTemplate(s, settings));
      const [scheduler] = (await queue.getJobSchedulers()).filter((j) => j.key === s.id);
      log(`${s.id}: "${s.pattern}" ${SCHEDULE_TIME_ZONE}, next run ${scheduler?.next ? new Date(scheduler.next).toISOString() : '?'}`);
      await queue.close();
    }
  } finally {
    connection.disconnect();
  }
}
