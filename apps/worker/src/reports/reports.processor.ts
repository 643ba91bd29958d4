import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { Settings } from '@app/config';
import { JobName, ProcessReportJob, ProcessReportsJob, QueueName } from '@app/queue';
import { startQueueWorker } from '../queues/queue-worker';
import { VerdictBatcher } from './verdict-batcher.service';
import { WorkerMetrics } from '../health/worker-metrics.service';

/**
 * Consumes the reports queue: a job per intake statement (its submissions), or per submission a repair queued again
 * (keyed by its id). On shutdown, jobs in flight finish and no new one starts.
 */
@Injectable()
export class ReportsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker: Worker | null = null;

  constructor(
    private readonly settings: Settings,
    private readonly verdicts: VerdictBatcher,
    private readonly metrics: WorkerMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startQueueWorker(
      this.settings,
      this.metrics,
      QueueName.Reports,
      {
        [JobName.ProcessReport]: (job: Job<ProcessReportJob>) => this.verdicts.decide(job.data.submissionId),
        // The jobs in flight share the verdict batches: a job's submissions are decided with those of the others.
        [JobName.ProcessReports]: (job: Job<ProcessReportsJob>) =>
          Promise.all(job.data.submissionIds.map((id) => this.verdicts.decide(id))),
      },
      this.settings.WORKER_CONCURRENCY,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
