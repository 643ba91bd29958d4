import { Injectable } from '@nestjs/common';
import { DatabaseProbe } from '@app/database';
import { Settings } from '@app/config';
import { jobSchedules, QueueName } from '@app/queue';
import { QueueProducers } from '../queues/queue-producers.service';
import { WorkerMetrics } from './worker-metrics.service';

const CHECK_TIMEOUT_MS = 1000;

export type CheckStatus = 'up' | 'down';
export interface Readiness {
  readonly ready: boolean;
  readonly details: Record<'database' | 'queues' | 'schedules', { status: CheckStatus }>;
}

/**
 * Whether this worker can take and finish jobs: PostgreSQL answers, every queue answers (a command on
 * its own keys, so on a cluster the node holding them must answer, not just any node) and the job
 * schedulers exist. Each check is also set on the worker's metrics.
 */
@Injectable()
export class WorkerReadiness {
  constructor(
    private readonly database: DatabaseProbe,
    private readonly producers: QueueProducers,
    private readonly metrics: WorkerMetrics,
    private readonly settings: Settings,
  ) {}

  async check(): Promise<Readiness> {
    const [database, queues, schedules] = await Promise.all([
      passes(() => this.database.ping()),
      passes(() => Promise.all(Object.values(QueueName).map(async (name) => (await this.producers.queue(name)).getJobCounts('wait')))),
      passes(() => this.schedulesExist()),
    ]);
    const details = { database: status(database), queues: status(queues), schedules: status(schedules) };
    for (const [check, ok] of Object.entries({ database, queues, schedules })) this.metrics.checks.set({ check }, ok ? 1 : 0);
    return { ready: database && queues && schedules, details };
  }

  private async schedulesExist(): Promise<void> {
    for (const s of jobSchedules(this.settings)) {
      const queue = await this.producers.queue(s.queue);
      if (!(await queue.getJobScheduler(s.id))) throw new Error(`job scheduler ${s.id} is missing`);
    }
  }
}

const status = (up: boolean): { status: CheckStatus } => ({ status: up ? 'up' : 'down' });

async function passes(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
