import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FinishedStatus, Job, JobsOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Settings } from '@app/config';
import { localDate, publicationPlan } from '@app/domain';
import { JobName, ProcessReportJob, QueueName, SendEmailJob } from '@app/queue';
import { PublicationBuilder } from '@app/reporting';
import { PeriodicTask } from '../common/periodic-task';
import { QueueProducers } from '../queues/queue-producers.service';
import { scheduledInstant } from '../queues/scheduled-instant';
import { RepairCounts } from './repair-counts.service';

const BATCH = 5000;
/** Failed publication jobs looked at each time: the newest, one a month in normal times. */
const PUBLICATION_JOBS = 100;
const RETRY_AFRESH = { resetAttemptsMade: true, resetAttemptsStarted: true };

interface QueuedJob {
  name: JobName;
  data: ProcessReportJob | SendEmailJob;
  opts: JobsOptions & { jobId: string };
}

/** Work the database still holds undone some time after it was stored, and the job that does it (under its usual id). */
const UNDONE_WORK: ReadonlyArray<{ queue: QueueName; what: string; sql: string; job: (id: string) => QueuedJob }> = [
  {
    queue: QueueName.Reports,
    what: 'report',
    sql: `SELECT id FROM report_submissions WHERE status = 'received' AND stored_at < now() - $1 * interval '1 millisecond'
          ORDER BY stored_at LIMIT ${BATCH}`,
    job: (id) => ({ name: JobName.ProcessReport, data: { submissionId: id }, opts: { jobId: id } }),
  },
  {
    queue: QueueName.Mail,
    what: 'email',
    sql: `SELECT id FROM email_outbox WHERE status IN ('pending', 'sending') AND created_at < now() - $1 * interval '1 millisecond'
          ORDER BY created_at LIMIT ${BATCH}`,
    job: (id) => ({ name: JobName.SendEmail, data: { emailId: id }, opts: { jobId: `email-${id}` } }),
  },
];

/**
 * No work is left with a dead-end job. Every REQUEUE_AFTER_MS / 2 the worker looks at reports still
 * undecided and emails still unsent REQUEUE_AFTER_MS after they were stored, and at their jobs:
 * - none (a Redis restart without persistence, or the last second of an AOF, dropped it): added again;
 * - failed (its attempts ran out, say while PostgreSQL was away for longer than all retries) or
 *   completed: retried with fresh attempts. Adding it again under its id would do nothing while BullMQ
 *   keeps the finished job (7 days), and the report stayed `received` for good.
 * A month's scheduled publication whose job failed is retried while the month has no publication.
 * Reminder scans are not: the next daily scan does their work, keyed per enterprise and quarter.
 * Processing is idempotent, so a job retried twice by two workers changes nothing; each repair is
 * counted for /metrics.
 */
@Injectable()
export class StrandedJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StrandedJobs.name);
  private readonly task: PeriodicTask;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly producers: QueueProducers,
    private readonly publications: PublicationBuilder,
    private readonly counts: RepairCounts,
    private readonly settings: Settings,
  ) {
    this.task = new PeriodicTask(this.logger, 'repair of stranded jobs', settings.REQUEUE_AFTER_MS / 2, () => this.repair());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  async repair(): Promise<void> {
    for (const work of UNDONE_WORK) await this.repairUndone(work);
    await this.repairPublications();
  }

  private async repairUndone(work: (typeof UNDONE_WORK)[number]): Promise<void> {
    const rows: Array<{ id: string }> = await this.db.query(work.sql, [this.settings.REQUEUE_AFTER_MS]);
    if (rows.length === 0) return;
    const queue = this.producers.queue(work.queue);
    const jobs = rows.map((r) => work.job(r.id));
    const states = await Promise.all(jobs.map((j) => queue.getJobState(j.opts.jobId)));
    const lost = jobs.filter((_, i) => states[i] === 'unknown');
    if (lost.length > 0) {
      await queue.addBulk(lost);
      await this.counts.add('requeued', work.queue, lost.length);
      this.logger.warn(`added ${lost.length} ${work.what} jobs that Redis no longer had`);
    }
    let retried = 0;
    for (const [i, j] of jobs.entries()) {
      const state = states[i];
      if (state === 'failed' || state === 'completed') retried += await this.retry(queue, j.opts.jobId, state);
    }
    await this.reportRetried(work.queue, work.what, retried);
  }

  private async repairPublications(): Promise<void> {
    const queue = this.producers.queue(QueueName.Publications);
    let retried = 0;
    for (const job of await queue.getFailed(0, PUBLICATION_JOBS - 1)) {
      if (job.name !== (JobName.PublishMonthly as string)) continue;
      const month = publicationPlan(localDate(scheduledInstant(job as Job))).month;
      if ((await this.publications.existing(month)) === null) retried += await this.retry(queue, job.id!, 'failed');
    }
    await this.reportRetried(QueueName.Publications, 'publication', retried);
  }

  /** 1 if retried; 0 if another worker got there first (the job is no longer finished). */
  private async retry(queue: Queue, jobId: string, state: FinishedStatus): Promise<number> {
    try {
      const job = await queue.getJob(jobId);
      if (!job) return 0;
      await job.retry(state, RETRY_AFRESH);
      return 1;
    } catch {
      return 0;
    }
  }

  private async reportRetried(queue: QueueName, what: string, n: number): Promise<void> {
    if (n === 0) return;
    await this.counts.add('retried', queue, n);
    this.logger.warn(`retried ${n} finished ${what} jobs whose work was still undone`);
  }
}
