import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { ErrorLog } from '@app/common';

/** Prometheus metrics of this worker process, served on its health port. */
@Injectable()
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly errors = new Counter({
    name: 'worker_errors_total',
    help: 'Errors by part of the worker (Redis or PostgreSQL away, jobs failing), each counted though few are logged',
    labelNames: ['part'],
    registers: [this.registry],
  });
  readonly jobs = new Counter({
    name: 'worker_jobs_total',
    help: 'Jobs this worker ran, by queue and outcome (completed, or failed for this attempt)',
    labelNames: ['queue', 'outcome'],
    registers: [this.registry],
  });
  /** Set at each readiness check (each probe and each scrape): 1 when the check passes. */
  readonly checks = new Gauge({
    name: 'worker_check_up',
    help: 'What the worker needs to take and finish jobs, as last checked: 1 up, 0 down',
    labelNames: ['check'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** An error log of one part whose errors this process counts. */
  errorLog(part: string): ErrorLog {
    this.errors.inc({ part }, 0);
    return new ErrorLog(new Logger(part), part, () => this.errors.inc({ part }));
  }
}
