import { createEnterprise, createZone, reportBody, submit, verdict } from './support/fixtures';
import { HttpClient } from './support/http-client';
import { PrivateRedis } from './support/redis-server';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';

/*
 * The worker's own health port, and what the api and the worker say while Redis is away for half a
 * minute: readiness that tells the truth, and errors counted rather than logged by the thousand. The
 * suite runs its own redis-server so it can stop it.
 */
const OUTAGE_MS = 30_000;
const MAX_LINES = 100;

describe('worker health', () => {
  let redis: PrivateRedis;
  let sys: TestSystem;
  let probe: HttpClient;
  let board: string;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    sys = await startTestSystem('worker_health', { REDIS_URL: redis.url, SCHEDULE_CHECK_MS: '500' });
    probe = new HttpClient(`http://127.0.0.1:${sys.env.WORKER_HEALTH_PORT}`);
    const admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: ['VH'] });
    await createZone(sys.http, admin, 'VH', { name: 'KCN Võ Hồng' });
    await createEnterprise(sys.http, admin, '5300800001', 'VH');
  });

  afterAll(async () => {
    try {
      await redis?.start();
      await sys?.close();
    } finally {
      await redis?.kill();
    }
  });

  const metric = async (line: RegExp) => Number(line.exec((await probe.get('/metrics')).body as string)?.[1] ?? NaN);

  it('is ready once its queues answer and its schedules exist', async () => {
    await waitFor('the worker ready', async () => (await probe.get('/health/ready')).status === 200, 10_000);
    expect((await probe.get('/health/ready')).body).toEqual({
      status: 'ok',
      details: { database: { status: 'up' }, queues: { status: 'up' }, schedules: { status: 'up' } },
    });
    expect((await probe.get('/health/live')).status).toBe(200);
    expect(await metric(/^worker_check_up\{check="queues"\} (\d+)$/m)).toBe(1);
  });

  it(
    'says the worker cannot work while Redis is away, logs it a few times only, and stays ready in the api',
    async () => {
      const lines = { api: sys.apiOutput().length, worker: sys.workerOutput().length };
      await redis.kill();
      const down = Date.now();
      const receipt = await submit(sys.http, board, reportBody('5300800001', '2026-Q1', { grossOutput: 3_000_000_000, workers: 40 }));

      await waitFor('the worker unready', async () => (await probe.get('/health/ready')).status === 503, 5000);
      expect((await probe.get('/health/ready')).body.details).toMatchObject({ database: { status: 'up' }, queues: { status: 'down' } });
      expect(await metric(/^worker_check_up\{check="queues"\} (\d+)$/m)).toBe(0);
      // The api still stores reports, so it stays ready, and says Redis is down.
      const api = await sys.http.get('/health/ready');
      expect([api.status, api.body.details.redis]).toEqual([200, { status: 'down' }]);

      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (Date.now() - down)));
      const logged = { api: sys.apiOutput().length - lines.api, worker: sys.workerOutput().length - lines.worker };
      console.log(`Redis away ${OUTAGE_MS / 1000} s: ${logged.worker} worker log lines, ${logged.api} api log lines`);
      expect(logged.worker).toBeLessThan(MAX_LINES);
      expect(logged.api).toBeLessThan(MAX_LINES);
      expect(await metric(/^worker_errors_total\{part="outbox relay"\} (\d+)$/m)).toBeGreaterThan(5);

      await redis.start();
      expect(await verdict(sys.http, board, receipt.id, 20_000)).toMatchObject({ status: 'accepted', revision: 1 });
      // Redis came back empty: ready again once the schedules are re-created.
      await waitFor('the worker ready again', async () => (await probe.get('/health/ready')).status === 200, 10_000);
      expect(sys.workerOutput().join('\n')).toContain('outbox relay recovered');
    },
    OUTAGE_MS + 40_000,
  );
});
