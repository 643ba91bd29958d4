import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { Settings } from '@app/config';
import { localDate } from '@app/domain';
import { JobName, QueueName, ScanRemindersJob, SendEmailJob } from '@app/queue';
import { PublicationBuilder } from '@app/reporting';
import { EmailSender } from '../mail/email-sender.service';
import { startQueueWorker } from '../queues/queue-worker';
import { scheduledInstant } from '../queues/scheduled-instant';
import { ReminderScan } from '../reminders/reminder-scan.service';
import { JobSchedules } from './job-schedules.service';

/** Consumes the publication, reminder and mail queues, and upserts the schedules at start-up. */
@Injectable()
export class ScheduledJobsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private workers: Worker[] = [];

  constructor(
    private readonly settings: Settings,
    private readonly schedules: JobSchedules,
    private readonly publications: PublicationBuilder,
    private readonly reminders: ReminderScan,
    private readonly emails: EmailSender,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.workers = [
      startQueueWorker(this.settings, QueueName.Publications, {
        [JobName.PublishMonthly]: (job: Job) => this.publications.publish({ asOf: localDate(scheduledInstant(job)), by: 'schedule', force: false }),
      }, 1),
      startQueueWorker(this.settings, QueueName.Reminders, {
        [JobName.ScanReminders]: (job: Job<ScanRemindersJob>) => this.reminders.scan(job.data.at ? new Date(job.data.at) : scheduledInstant(job)),
      }, 1),
      startQueueWorker(this.settings, QueueName.Mail, {
        [JobName.SendEmail]: (job: Job<SendEmailJob>) => this.emails.send(job.data.emailId),
      }, 4),
    ];
    this.schedules.upsertWhenReachable();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
