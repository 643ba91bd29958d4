import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { Settings } from '@app/config';
import { createRedisClient, jobOptionsFor, JobName, keyPrefix, QueueName, ScanRemindersJob } from '@app/queue';

const WAIT_MS = 60_000;
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Runs the reminder scan now, or as of a past instant (`--at 2026-10-05T08:00+07:00`) to make up for a
 * scan missed while no worker ran. It goes through the worker's queue like the daily schedule, so the
 * same keys keep every email to once; waits for the scan and prints what it queued as JSON on stdout.
 * A future instant is refused: it would tell enterprises they are late before they are.
 */
export async function remindersScan(settings: Settings, flags: Record<string, string>, log: (line: string) => void): Promise<void> {
  const at = flags.at === undefined ? new Date() : new Date(flags.at);
  if (flags.at !== undefined && (!INSTANT_WITH_OFFSET.test(flags.at) || Number.isNaN(at.getTime()))) {
    throw new Error('--at must be an instant with its offset, e.g. 2026-10-05T08:00+07:00');
  }
  if (at.getTime() > Date.now()) throw new Error('--at must not lie in the future');
  // Connections handed to BullMQ stay ours to close: they would keep the process alive otherwise.
  const connection = createRedisClient(settings, 'worker');
  const blocking = createRedisClient(settings, 'worker');
  const queue = new Queue(QueueName.Reminders, { connection, prefix: keyPrefix(settings) });
  const events = new QueueEvents(QueueName.Reminders, { connection: blocking, prefix: keyPrefix(settings) });
  try {
    await events.waitUntilReady();
    const data: ScanRemindersJob = { at: at.toISOString() };
    const job = await queue.add(JobName.ScanReminders, data, {
      ...jobOptionsFor(QueueName.Reminders, settings),
      jobId: `scan-${randomUUID()}`,
    });
    log(`reminder scan as of ${data.at} queued (job ${job.id}); waiting for a worker`);
    const result = (await job.waitUntilFinished(events, WAIT_MS)) as { reminders: number; overdue: number };
    log(`${result.reminders} reminders and ${result.overdue} overdue notices queued`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await Promise.allSettled([events.close(), queue.close()]);
    connection.disconnect();
    blocking.disconnect();
  }
}
