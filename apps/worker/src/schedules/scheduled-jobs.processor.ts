import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { Settings } from '@app/config';
import { localDate } from '@app/domain';
import { PublicationRequestsRepository } from '@app/database';
import { JobName, PublishRequestedJob, QueueName, ScanRemindersJob, SendEmailJob } from '@app/queue';
import { PublicationBuilder } from '@app/reporting';
import { EmailSender } from '../mail/email-sender.service';
import { startQueueWorker } from '../queues/queue-worker';
import { scheduledInstant } from '../queues/scheduled-instant';
import { ReminderScan } from '../reminders/reminder-scan.service';
import { WorkerMetrics } from '../health/worker-metrics.service';

/** Consumes the publication, reminder and mail queues; on shutdown, jobs in flight finish and no new one starts. */
@Injectable()
export class ScheduledJobsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private workers: Worker[] = [];

  constructor(
    private readonly settings: Settings,
    private readonly publications: PublicationBuilder,
    private readonly reminders: ReminderScan,
    private readonly emails: EmailSender,
    private readonly requests: PublicationRequestsRepository,
    private readonly metrics: WorkerMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.workers = [
      startQueueWorker(
        this.settings,
        this.metrics,
        QueueName.Publications,
        {
          [JobName.PublishMonthly]: (job: Job) =>
            this.publications.publish({ asOf: localDate(scheduledInstant(job)), by: 'schedule', force: false }),
          [JobName.PublishRequested]: (job: Job<PublishRequestedJob>) => this.answer(job.data.requestId),
        },
        1,
      ),
      startQueueWorker(
        this.settings,
        this.metrics,
        QueueName.Reminders,
        {
          [JobName.ScanReminders]: (job: Job<ScanRemindersJob>) =>
            this.reminders.scan(job.data.at ? new Date(job.data.at) : scheduledInstant(job)),
        },
        1,
      ),
      startQueueWorker(
        this.settings,
        this.metrics,
        QueueName.Mail,
        {
          [JobName.SendEmail]: (job: Job<SendEmailJob>) => this.emails.send(job.data.emailId),
        },
        4,
      ),
    ];
  }

  /** Builds what an admin asked for, unless the request is gone or already answered. */
  private async answer(requestId: string): Promise<void> {
    const request = await this.requests.find(requestId);
    if (request === null || request.publicationId !== null) return;
    await this.publications.publish({ asOf: request.asOf, by: request.requestedBy, force: request.force, requestId });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
