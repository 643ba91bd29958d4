import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { metricsAllowed } from '@app/common';
import { Settings } from '@app/config';
import { WorkerMetrics } from './worker-metrics.service';
import { WorkerReadiness } from './worker-readiness.service';

/**
 * The worker's small HTTP port for probes and Prometheus (WORKER_HEALTH_PORT; 0 for none):
 * `/health/live`, `/health/ready` (200, or 503 naming what is down, and 503 once the worker stops) and
 * `/metrics` (behind METRICS_TOKEN when it is set).
 */
@Injectable()
export class HealthServer implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private server: Server | null = null;
  private stopping = false;

  constructor(
    private readonly settings: Settings,
    private readonly readiness: WorkerReadiness,
    private readonly metrics: WorkerMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.WORKER_HEALTH_PORT === 0) return;
    const server = createServer((request, response) => {
      this.answer(request, response).catch(() => send(response, 500, { status: 'error' }));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.settings.WORKER_HEALTH_PORT, this.settings.HOST, resolve);
    });
    this.server = server;
    new Logger(HealthServer.name).log(`health and metrics on port ${this.settings.WORKER_HEALTH_PORT}`);
  }

  /** From the stop signal on, a probe sees the worker going. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') return send(response, 405, { status: 'method not allowed' });
    if (path === '/health/live') return send(response, 200, { status: 'ok' });
    if (path === '/health/ready') {
      if (this.stopping) return send(response, 503, { status: 'stopping', details: { worker: { status: 'stopping' } } });
      const { ready, details } = await this.readiness.check();
      return send(response, ready ? 200 : 503, { status: ready ? 'ok' : 'down', details });
    }
    if (path === '/metrics') {
      if (!metricsAllowed(this.settings.METRICS_TOKEN, request.headers.authorization)) {
        return send(response, 401, { status: 'the metrics need the metrics token' });
      }
      // The checks are made at each scrape, so that the figures are fresh whether probes come or not.
      await this.readiness.check();
      response.writeHead(200, { 'content-type': this.metrics.registry.contentType });
      response.end(await this.metrics.registry.metrics());
      return;
    }
    send(response, 404, { status: 'not found' });
  }
}

function send(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
