import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { Settings } from '@app/config';
import { localDate } from '@app/domain';
import { JobName, QueueName, ScanRemindersJob, SendEmailJob } from '@app/queue';
import { PublicationBuilder } from '@app/reporting';
import { EmailSender } from '../mail/email-sender.service';
import { startQueueWorker } from '../queues/queue-worker';
import { scheduledInstant } from '../queues/scheduled-instant';
import { ReminderScan } from '../reminders/reminder-scan.service';

/** Consumes the publication, reminder and mail queues; on shutdown, jobs in flight finish and no new one starts. */
@Injectable()
export class ScheduledJobsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private workers: Worker[] = [];

  constructor(
    private readonly settings: Settings,
    private readonly publications: PublicationBuilder,
    private readonly reminders: ReminderScan,
    private readonly emails: EmailSender,
  ) {}

  onApplicationBootstrap(): void {
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
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
