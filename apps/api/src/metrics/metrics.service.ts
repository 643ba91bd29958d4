import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** Prometheus metrics of this api process, plus backlog gauges read at scrape time. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  readonly duration = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [this.registry],
  });

  constructor(@InjectDataSource() db: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'reports_by_status', help: 'Stored report submissions by status', labelNames: ['status'], registers: [this.registry],
      async collect() {
        const rows: Array<{ status: string; n: number }> = await db.query('SELECT status, count(*)::int AS n FROM report_submissions GROUP BY status');
        for (const r of rows) this.set({ status: r.status }, r.n);
      },
    });
    new Gauge({
      name: 'outbox_pending', help: 'Outbox rows not yet handed to the queue', registers: [this.registry],
      async collect() {
        const [row]: Array<{ n: number }> = await db.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
        this.set(row.n);
      },
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.duration.observe({ method, route }, seconds);
  }
}
