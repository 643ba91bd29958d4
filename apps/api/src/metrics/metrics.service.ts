import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Backlog, DatabaseProbe } from '@app/database';
import { SubmissionWriter } from '../reports/submission-writer.service';
import { TableFiguresCache } from './table-figures';

/** Prometheus metrics of this api process, plus backlog gauges from counts cached for a few seconds. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor(probe: DatabaseProbe, writer: SubmissionWriter) {
    collectDefaultMetrics({ register: this.registry });
    const tables = new TableFiguresCache(probe);
    new Gauge({
      name: 'reports_by_status',
      help: 'Stored report submissions by status (counted at most every 10 s)',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const figures = await tables.current();
        this.reset();
        for (const r of figures?.reportsByStatus ?? []) this.set({ status: r.status }, r.n);
      },
    });
    const backlogGauge = (name: string, help: string, pick: (b: Backlog) => number) =>
      new Gauge({
        name,
        help: `${help} (counted at most every 10 s)`,
        registers: [this.registry],
        async collect() {
          const figures = await tables.current();
          this.reset();
          if (figures) this.set(pick(figures));
        },
      });
    backlogGauge('outbox_pending', 'Outbox rows not yet handed to the queue', (b) => b.outboxPending);
    backlogGauge(
      'outbox_oldest_pending_seconds',
      'Age of the oldest outbox row not yet handed to the queue, 0 when none',
      (b) => b.outboxOldestSeconds,
    );
    backlogGauge(
      'reports_undecided_over_a_minute',
      'Stored report submissions still undecided a minute after they were stored',
      (b) => b.reportsUndecidedOverMinute,
    );
    new Gauge({
      name: 'report_intake_queued',
      help: 'Reports of this process waiting to be stored',
      registers: [this.registry],
      collect() {
        this.set(writer.queued);
      },
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.duration.observe({ method, route }, seconds);
  }
}
