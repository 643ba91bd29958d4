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
