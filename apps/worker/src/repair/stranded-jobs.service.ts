import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FinishedStatus, Job, JobsOptions, Queue } from 'bullmq';
import { Settings } from '@app/config';
import { EmailOutboxRepository, PublicationRequestsRepository, PublicationsRepository, ReportSubmissionsRepository } from '@app/database';
import { localDate, publicationPlan } from '@app/domain';
import { JobName, ProcessReportJob, PublishRequestedJob, QueueName, SendEmailJob } from '@app/queue';
import { PeriodicTask } from '../common/periodic-task';
import { QueueProducers } from '../queues/queue-producers.service';
import { scheduledInstant } from '../queues/scheduled-instant';
import { RepairCounts } from './repair-counts.service';
import { WorkerMetrics } from '../health/worker-metrics.service';

const BATCH = 5000;
/** Failed publication jobs looked at each time: the newest, one a month in normal times. */
const PUBLICATION_JOBS = 100;
const RETRY_AFRESH = { resetAttemptsMade: true, resetAttemptsStarted: true };

interface QueuedJob {
  name: JobName;
  data: ProcessReportJob | SendEmailJob | PublishRequestedJob;
  opts: JobsOptions & { jobId: string };
}

/** Work the database still holds undone some time after it was stored (the ids of the oldest), and the job that does it (its usual id). */
interface UndoneWork {
  readonly queue: QueueName;
  readonly what: string;
  undone(olderThanMs: number): Promise<string[]>;
  job(id: string): QueuedJob;
}

/**
 * No work is left with a dead-end job. Every REQUEUE_AFTER_MS / 2 the worker looks at reports still
 * undecided, emails still unsent and publication requests still unanswered REQUEUE_AFTER_MS after they
 * were stored, and at their jobs:
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
  private readonly undoneWork: readonly UndoneWork[];

  constructor(
    submissions: ReportSubmissionsRepository,
    emails: EmailOutboxRepository,
    requests: PublicationRequestsRepository,
    private readonly producers: QueueProducers,
    private readonly publications: PublicationsRepository,
    private readonly counts: RepairCounts,
    private readonly settings: Settings,
    metrics: WorkerMetrics,
  ) {
    this.undoneWork = [
      {
        queue: QueueName.Reports,
        what: 'report',
        undone: (olderThanMs) => submissions.staleReceived(olderThanMs, BATCH),
        job: (id) => ({ name: JobName.ProcessReport, data: { submissionId: id }, opts: { jobId: id } }),
      },
      {
        queue: QueueName.Mail,
        what: 'email',
        undone: (olderThanMs) => emails.staleUnsent(olderThanMs, BATCH),
        job: (id) => ({ name: JobName.SendEmail, data: { emailId: id }, opts: { jobId: `email-${id}` } }),
      },
      {
        queue: QueueName.Publications,
        what: 'publication request',
        undone: (olderThanMs) => requests.unanswered(olderThanMs),
        job: (id) => ({ name: JobName.PublishRequested, data: { requestId: id }, opts: { jobId: `publication-request-${id}` } }),
      },
    ];
    this.task = new PeriodicTask(metrics.errorLog('repair of stranded jobs'), settings.REQUEUE_AFTER_MS / 2, () => this.repair());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  async repair(): Promise<void> {
    for (const work of this.undoneWork) await this.repairUndone(work);
    await this.repairPublications();
  }

  private async repairUndone(work: UndoneWork): Promise<void> {
    const ids = await work.undone(this.settings.REQUEUE_AFTER_MS);
    if (ids.length === 0) return;
    const queue = await this.producers.queue(work.queue);
    const jobs = ids.map((id) => work.job(id));
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
    const queue = await this.producers.queue(QueueName.Publications);
    let retried = 0;
    for (const job of await queue.getFailed(0, PUBLICATION_JOBS - 1)) {
      if (job.name !== (JobName.PublishMonthly as string)) continue;
      const month = publicationPlan(localDate(scheduledInstant(job as Job))).month;
      if ((await this.publications.regularOf(month)) === null) retried += await this.retry(queue, job.id!, 'failed');
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
