import { JobsOptions } from 'bullmq';
import { jobOptionsFor, RetrySettings } from './job-options';
import { JobName, QueueName } from './queue-names';

/** The repeating jobs, in Vietnam time; upserted from one place (worker start-up or the CLI). */
export interface JobSchedule {
  readonly id: string;
  readonly queue: QueueName;
  readonly job: JobName;
  readonly pattern: string;
}

export const SCHEDULE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function jobSchedules(settings: { PUBLICATION_CRON: string; REMINDER_CRON: string }): JobSchedule[] {
  return [
    { id: 'monthly-publication', queue: QueueName.Publications, job: JobName.PublishMonthly, pattern: settings.PUBLICATION_CRON },
    { id: 'daily-reminders', queue: QueueName.Reminders, job: JobName.ScanReminders, pattern: settings.REMINDER_CRON },
  ];
}

/**
 * What each occurrence of a schedule is added with. Upserting replaces the template, so the worker and
 * the CLI give the same one: without options, jobs upserted by the CLI had no retries and were kept
 * in Redis forever.
 */
export function scheduleTemplate(
  s: JobSchedule,
  retries: RetrySettings,
): { name: JobName; data: Record<string, never>; opts: JobsOptions } {
  return { name: s.job, data: {}, opts: jobOptionsFor(s.queue, retries) };
}
