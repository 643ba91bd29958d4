import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FinishedStatus, Job, JobsOptions, Queue } from 'bullmq';
import { Settings } from '@app/config';
import { EmailOutboxRepository, PublicationRequestsRepository, PublicationsRepository, ReportSubmissionsRepository } from '@app/database';
import { localDate, publicationPlan } from '@app/domain';
import { JobName, ProcessReportJob, ProcessReportsJob, PublishRequestedJob, QueueName, SendEmailJob } from '@app/queue';
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
  /** The job that carries many of the ids (as the api queues them), and those it carries. */
  readonly batch?: { readonly name: JobName; ids(job: Job): readonly string[] };
}

/** Where a batch job may be while it still has to run. */
const PENDING_STATES = ['wait', 'active', 'delayed', 'prioritized'] as const;

/**
 * No work is left with a dead-end job. Every REQUEUE_AFTER_MS / 2 the worker looks at reports still
 * undecided, emails still unsent and publication requests still unanswered REQUEUE_AFTER_MS after they
 * were stored, and at their jobs:
 * - none (a Redis restart without persistence, or the last second of an AOF, dropped it): added again;
 * - failed (its attempts ran out, say while PostgreSQL was away for longer than all retries) or
 *   completed: retried with fresh attempts. Adding it again under its id would do nothing while BullMQ
 *   keeps the finished job (7 days), and the report stayed `received` for good.
 * Reports arrive in batch jobs (one per intake statement), which the ids above do not name: a failed one holding an
 * undone report is retried afresh, and reports in one still to run are left to it.
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
        batch: { name: JobName.ProcessReports, ids: (job: Job<ProcessReportsJob>) => job.data.submissionIds },
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
    const batches = work.batch ? await this.repairBatches(queue, work.batch, new Set(ids)) : { pending: new Set<string>(), retried: 0 };
    const jobs = ids.filter((id) => !batches.pending.has(id)).map((id) => work.job(id));
    const states = await Promise.all(jobs.map((j) => queue.getJobState(j.opts.jobId)));
    const lost = jobs.filter((_, i) => states[i] === 'unknown');
    if (lost.length > 0) {
      await queue.addBulk(lost);
      await this.counts.add('requeued', work.queue, lost.length);
      this.logger.warn(`added ${lost.length} ${work.what} jobs that Redis no longer had`);
    }
    let retried = batches.retried;
    for (const [i, j] of jobs.entries()) {
      const state = states[i];
      if (state === 'failed' || state === 'completed') retried += await this.retry(queue, j.opts.jobId, state);
    }
    await this.reportRetried(work.queue, work.what, retried);
  }

  /**
   * Batch jobs holding undone ids that failed for good are retried afresh; the ids of every batch job still to run
   * (a backlog longer than REQUEUE_AFTER_MS) are left to it rather than queued twice.
   */
  private async repairBatches(
    queue: Queue,
    batch: NonNullable<UndoneWork['batch']>,
    undone: ReadonlySet<string>,
  ): Promise<{ pending: Set<string>; retried: number }> {
    let retried = 0;
    for (const job of await queue.getFailed(0, BATCH - 1)) {
      if (job.name === (batch.name as string) && batch.ids(job).some((id) => undone.has(id)))
        retried += await this.retry(queue, job.id!, 'failed');
    }
    const pending = (await queue.getJobs([...PENDING_STATES])).filter((job) => job.name === (batch.name as string));
    return { pending: new Set(pending.flatMap((job) => batch.ids(job))), retried };
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
