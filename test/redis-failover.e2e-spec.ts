import { JobSchedulerJson, Queue } from 'bullmq';
import { loadSettings } from '../libs/config/src/settings';
import { createRedisClient, keyPrefix, QueueName } from '@app/queue';
import { aggregatesAndRecomputation, expectDecidedOnce, waitUntilDecided } from './support/aggregate-invariant';
import { AppProcess, freePort } from './support/app-process';
import { startExtraWorker } from './support/extra-process';
import { createEnterprise, createZone, reportBody, submit, verdict } from './support/fixtures';
import { HttpClient } from './support/http-client';
import { publish } from './support/publish';
import { QueueJobs } from './support/queue-jobs';
import { PrivateRedisCluster } from './support/redis-cluster';
import { PrivateRedisSentinel } from './support/redis-sentinel';
import { ReplicatedRedis } from './support/replicated-redis';
import { startTestSystem, TestSystem } from './support/test-system';
import { queuePrefix, runId } from './support/test-run';
import { waitFor } from './support/wait-for';

/*
 * The installation on a replicated Redis of its own, with two workers: intake, verdicts and a
 * publication go through it. The apps start while the primary holding the queues and its replica are
 * down, and later that primary is killed while reports are filed.
 * - a Redis Cluster: three primaries and three replicas on ports 7101-7106 (and their bus ports
 *   17101-17106); a primary is failed after 2 s without answering;
 * - Sentinel: a primary and a replica watched by three sentinels, which fail the primary after 1 s.
 */
const ENTERPRISES = Array.from({ length: 8 }, (_, i) => `53009000${String(i + 1).padStart(2, '0')}`);
const SETUPS: Array<[string, () => Promise<ReplicatedRedis>]> = [
  ['cluster', () => PrivateRedisCluster.launch(7101)],
  ['sentinel', () => PrivateRedisSentinel.launch()],
];

describe.each(SETUPS)('Redis %s', (mode, launchRedis) => {
  let redis: ReplicatedRedis;
  let sys: TestSystem;
  let second: AppProcess;
  let secondPort: string;
  let admin: string;
  let board: string;
  let down: number[];

  beforeAll(async () => {
    redis = await launchRedis();
    await redis.form();
    // The apps start while the primary holding the queues and its replica are down: their clients keep
    // trying, and nothing they build is left failed for good (a producer built on a cluster that is
    // reachable but not ready once stayed dead).
    down = await redis.takeDown(keyPrefix(loadSettings({ ...redis.env, QUEUE_PREFIX: queuePrefix(runId(), `redis_${mode}`) })));
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

  const workerReady = (port: string) => new HttpClient(`http://127.0.0.1:${port}`).get('/health/ready');

  it('takes a report filed while the queues cannot be reached to its verdict once they can', async () => {
    const receipt = await submit(sys.http, board, reportBody(ENTERPRISES[0], '2025-Q4', { grossOutput: 1_000_000_000, workers: 10 }));
    // The api stores and says it is ready; the workers say they cannot work, and keep trying.
    const api = await sys.http.get('/health/ready');
    expect([api.status, api.body.details.redis]).toEqual([200, { status: 'down' }]);
    expect((await workerReady(secondPort)).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 2000));

    await redis.bringBack(down);
    expect(await verdict(sys.http, board, receipt.id, 30_000)).toMatchObject({ status: 'accepted', revision: 1 });
    await waitFor('Redis up in the api', async () => (await sys.http.get('/health/ready')).body.details.redis.status === 'up', 10_000);
    for (const port of [sys.env.WORKER_HEALTH_PORT, secondPort]) {
      await waitFor(`the worker on port ${port} ready`, async () => (await workerReady(port)).status === 200, 10_000);
    }
    expect((await schedules()).map((s) => s.key).sort()).toEqual(['daily-reminders', 'monthly-publication']);
  }, 60_000);

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
      await waitFor(`the worker on port ${port} ready`, async () => (await workerReady(port)).status === 200, 10_000);
    }
  }, 120_000);

  // A cluster client is `connect`ed a moment before it is ready; BullMQ then goes ahead, and a producer
  // refusing commands until ready (its offline queue off) failed the queue's set-up for good.
  it('lets a queue built on a producer connection still connecting work once it is ready', async () => {
    const settings = loadSettings(sys.env);
    const connection = createRedisClient(settings, 'producer');
    connection.on('error', () => undefined);
    const queue = await new Promise<Queue>((resolve) =>
      connection.once('connect', () => resolve(new Queue(QueueName.Reminders, { connection, prefix: keyPrefix(settings) }))),
    );
    queue.on('error', () => undefined);
    try {
      expect(await queue.getJobCounts('wait')).toEqual({ wait: 0 });
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });

  it('builds a publication through the new primary', async () => {
    const published = await publish(sys.http, { force: true }, admin);
    expect(published.status).toBe(202);
    expect(published.body).toMatchObject({ number: 1 });
  }, 60_000);
});
