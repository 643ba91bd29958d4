import { JobSchedulerJson } from 'bullmq';
import { loadSettings } from '../libs/config/src/settings';
import { keyPrefix, QueueName } from '@app/queue';
import { aggregatesAndRecomputation, expectDecidedOnce, waitUntilDecided } from './support/aggregate-invariant';
import { AppProcess, freePort } from './support/app-process';
import { startExtraWorker } from './support/extra-process';
import { createEnterprise, createZone, reportBody, submit, submitAndDecide } from './support/fixtures';
import { HttpClient } from './support/http-client';
import { publish } from './support/publish';
import { QueueJobs } from './support/queue-jobs';
import { PrivateRedisCluster } from './support/redis-cluster';
import { PrivateRedisSentinel } from './support/redis-sentinel';
import { ReplicatedRedis } from './support/replicated-redis';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';

/*
 * The installation on a replicated Redis of its own, with two workers: intake, verdicts and a
 * publication go through it, and the primary holding the queues is killed while reports are filed.
 * - a Redis Cluster: three primaries and three replicas on ports 7101-7106 (and their bus ports
 *   17101-17106); a primary is failed after 2 s without answering;
 * - Sentinel: a primary and a replica watched by three sentinels, which fail the primary after 1 s.
 */
const ENTERPRISES = Array.from({ length: 8 }, (_, i) => `53009000${String(i + 1).padStart(2, '0')}`);
const SETUPS: Array<[string, () => Promise<ReplicatedRedis>]> = [
  ['cluster', () => PrivateRedisCluster.start(7101)],
  ['sentinel', () => PrivateRedisSentinel.start()],
];

describe.each(SETUPS)('Redis %s', (mode, startRedis) => {
  let redis: ReplicatedRedis;
  let sys: TestSystem;
  let second: AppProcess;
  let secondPort: string;
  let admin: string;
  let board: string;

  beforeAll(async () => {
    redis = await startRedis();
    sys = await startTestSystem(`redis_${mode}`, { ...redis.env, SCHEDULE_CHECK_MS: '500' });
    secondPort = String(await freePort());
    second = await startExtraWorker(sys, { WORKER_HEALTH_PORT: secondPort });
    admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: ['BT'] });
    await createZone(sys.http, admin, 'BT', { name: 'KCN Bắc Duyên Hải' });
    for (const taxCode of ENTERPRISES) await createEnterprise(sys.http, admin, taxCode, 'BT');
  }, 60_000);

  afterAll(async () => {
    try {
      await second?.stop();
      await sys?.close();
    } finally {
      await redis?.stop();
    }
  });

  const schedules = async (): Promise<JobSchedulerJson[]> => {
    const queues = [new QueueJobs(sys, QueueName.Publications), new QueueJobs(sys, QueueName.Reminders)];
    try {
      return (await Promise.all(queues.map((q) => q.schedulers()))).flat();
    } finally {
      await Promise.all(queues.map((q) => q.close()));
    }
  };

  it('takes a report to its verdict and says it is ready', async () => {
    const report = await submitAndDecide(
      sys.http,
      board,
      reportBody(ENTERPRISES[0], '2025-Q4', { grossOutput: 1_000_000_000, workers: 10 }),
    );
    expect(report).toMatchObject({ status: 'accepted', revision: 1 });
    const ready = await sys.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({ redis: { status: 'up' } });
    expect((await schedules()).map((s) => s.key).sort()).toEqual(['daily-reminders', 'monthly-publication']);
  });

  it('decides every report exactly once when the primary of the queues dies mid-load', async () => {
    const prefix = keyPrefix(loadSettings(sys.env));
    const primary = await redis.primaryOf(prefix);
    const filed: string[] = [];
    let killedAt = 0;
    let killed: Promise<void> = Promise.resolve();
    // Eight clients each file five reports, one after another; the primary dies after the twelfth.
    const clients = ENTERPRISES.map(async (taxCode, i) => {
      for (const period of ['2026-Q1', '2026-Q2', '2026-Q1', '2026-Q2', '2026-Q1']) {
        const body = reportBody(taxCode, period, { grossOutput: (i + 1) * 1_000_000_000 + filed.length, workers: 20 + i });
        filed.push((await submit(sys.http, board, body)).id);
        if (filed.length === 12) {
          killedAt = Date.now();
          killed = redis.kill(primary);
        }
      }
    });
    await Promise.all(clients);
    await killed;
    await waitFor('a replica to take over', async () => (await redis.primaryOf(prefix)) !== primary && (await redis.healthy()), 30_000);
    const failover = Date.now() - killedAt;
    await waitUntilDecided(sys, 60_000);
    const decided = Date.now() - killedAt;
    console.log(`${mode}: primary ${primary} killed; a replica took over after ${failover} ms, every report decided after ${decided} ms`);

    const rows = await expectDecidedOnce(sys, filed);
    expect(rows).toHaveLength(40);
    const { stored, recomputed } = await aggregatesAndRecomputation(sys);
    expect(stored).toEqual(recomputed);
    // Both workers took jobs, and no process was restarted.
    expect(second.running && sys.workerRunning()).toBe(true);
    expect((await schedules()).map((s) => s.key).sort()).toEqual(['daily-reminders', 'monthly-publication']);
    expect((await sys.http.get('/health/ready')).status).toBe(200);
    for (const port of [sys.env.WORKER_HEALTH_PORT, secondPort]) {
      const probe = new HttpClient(`http://127.0.0.1:${port}`);
      await waitFor(`the worker on port ${port} ready`, async () => (await probe.get('/health/ready')).status === 200, 10_000);
    }
  }, 120_000);

  it('builds a publication through the new primary', async () => {
    const published = await publish(sys.http, { force: true }, admin);
    expect(published.status).toBe(202);
    expect(published.body).toMatchObject({ number: 1 });
  }, 60_000);
});
