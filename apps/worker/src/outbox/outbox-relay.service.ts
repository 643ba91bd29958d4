import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { Settings } from '@app/config';
import { JobName, ProcessReportJob, QueueName, SendEmailJob } from '@app/queue';
import { QueueProducers } from '../queues/queue-producers.service';

const BATCH = 500;
const MAX_BACKOFF_MS = 5000;
const PRUNE_EVERY_MS = 10 * 60_000;
const REQUEUE_BATCH = 5000;

/** Work still undone long after it was stored, and the job that does it (under its usual job id). */
const STALE_WORK = [
  {
    queue: QueueName.Reports,
    sql: `SELECT id FROM report_submissions WHERE status = 'received' AND stored_at < now() - $1 * interval '1 millisecond'
          ORDER BY stored_at LIMIT ${REQUEUE_BATCH}`,
    job: (id: string) => ({ name: JobName.ProcessReport, data: { submissionId: id } satisfies ProcessReportJob, opts: { jobId: id } }),
  },
  {
    queue: QueueName.Mail,
    sql: `SELECT id FROM email_outbox WHERE status = 'pending' AND created_at < now() - $1 * interval '1 millisecond'
          ORDER BY created_at LIMIT ${REQUEUE_BATCH}`,
    job: (id: string) => ({ name: JobName.SendEmail, data: { emailId: id } satisfies SendEmailJob, opts: { jobId: `email-${id}` } }),
  },
];

interface OutboxRow {
  id: string;
  queue: QueueName;
  job_name: string;
  job_id: string;
  payload: Record<string, unknown>;
}

/**
 * Moves outbox rows to their queues. Rows are claimed with SKIP LOCKED (several workers may run) and
 * marked published in the same transaction only after Redis accepted the jobs; a crash in between
 * re-adds them under the same jobId, which BullMQ ignores, and processing is idempotent anyway.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private lastPrune = 0;
  private lastRequeue = Date.now();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly producers: QueueProducers,
    private readonly settings: Settings,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Relays one batch; returns how many rows went to the queues. */
  async relayOnce(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows: OutboxRow[] = await tx.query(
        `SELECT id, queue, job_name, job_id, payload FROM outbox WHERE published_at IS NULL
         ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const byQueue = new Map<QueueName, OutboxRow[]>();
      for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
      for (const [queue, jobs] of byQueue) {
        await this.producers.queue(queue).addBulk(jobs.map((j) => ({ name: j.job_name, data: j.payload, opts: { jobId: j.job_id } })));
      }
      await tx.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const moved = await this.relayOnce();
        if (failures > 0) this.logger.log('outbox relay recovered');
        failures = 0;
        await this.pruneNow();
        await this.requeueStale();
        if (moved < BATCH) await sleep(this.settings.OUTBOX_POLL_MS);
      } catch (error) {
        if (failures === 0) this.logger.warn(`outbox relay paused: ${(error as Error).message}; retrying`);
        failures++;
        await sleep(Math.min(MAX_BACKOFF_MS, 100 * 2 ** Math.min(failures, 6)));
      }
    }
  }

  /**
   * A published outbox row does not guarantee a job: a Redis restart without persistence (or the last
   * second of an AOF) drops queued jobs, and their reports would stay `received` for good. So reports
   * still undecided some time after they were stored are added again under their own job id; while
   * the job still exists (a long backlog), BullMQ ignores the add, and processing is idempotent anyway.
   * Pending emails likewise (a lost job, or one waiting for its next retry under the same job id).
   */
  private async requeueStale(): Promise<void> {
    if (Date.now() - this.lastRequeue < this.settings.REQUEUE_AFTER_MS / 2) return;
    this.lastRequeue = Date.now();
    for (const stale of STALE_WORK) {
      const rows: Array<{ id: string }> = await this.db.query(stale.sql, [this.settings.REQUEUE_AFTER_MS]);
      if (rows.length > 0) await this.producers.queue(stale.queue).addBulk(rows.map((r) => stale.job(r.id)));
    }
  }

  /** Published rows are kept a day for inspection, then dropped. */
  private async pruneNow(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.db.query("DELETE FROM outbox WHERE published_at < now() - interval '1 day'");
  }
}
