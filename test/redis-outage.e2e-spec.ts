import { aggregatesAndRecomputation, expectDecidedOnce, waitUntilDecided } from './support/aggregate-invariant';
import { createEnterprise, createZone, reportBody, submit, submitAndDecide, verdict } from './support/fixtures';
import { JobSchedulerJson } from 'bullmq';
import { QueueName } from '@app/queue';
import { QueueJobs } from './support/queue-jobs';
import { PrivateRedis } from './support/redis-server';
import { holdEnterprises, WAIT_FOR_HELD_LOCKS, waitForRowLockWaiter } from './support/held-locks';
import { SmtpSink } from './support/smtp-sink';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';
import { publish } from './support/publish';

/*
 * Redis is a queue, not the record: reports are stored (with their outbox rows) before they are
 * acknowledged, so a Redis outage or a killed worker delays verdicts but loses or doubles nothing.
 * The suite runs on its own redis-server so it can kill and restart it.
 */
describe('outages: Redis down, worker killed', () => {
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let sys: TestSystem;
  let board: string;
  const ENTERPRISES = Array.from({ length: 12 }, (_, i) => `53003000${String(i + 1).padStart(2, '0')}`);

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    smtp = await SmtpSink.start();
    // Reports still undecided 2 s after they were stored are queued again (60 s by default); schedules
    // are checked every half second (every minute by default).
    sys = await startTestSystem('redis-outage', {
      REDIS_URL: redis.url,
      REQUEUE_AFTER_MS: '2000',
      SCHEDULE_CHECK_MS: '500',
      SMTP_URL: smtp.url,
      ...WAIT_FOR_HELD_LOCKS,
    });
    const admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: ['TL'] });
    await createZone(sys.http, admin, 'TL', { name: 'KCN Tằng Loỏng', wageRegion: 3 });
    for (const taxCode of ENTERPRISES) await createEnterprise(sys.http, admin, taxCode, 'TL');
  });

  afterAll(async () => {
    // Redis must be up for the system's own clean-up (it deletes the suite's keys); killed last, whatever happened.
    try {
      await redis?.start();
      await sys?.close();
    } finally {
      await Promise.all([redis?.kill(), smtp?.close()]);
    }
  });

  const summary = async (period: string) => {
    const r = await sys.http.get(`/v1/zones/TL/summary?period=${period}`, board);
    expect(r.status).toBe(200);
    return r.body;
  };

  const ready = () => sys.http.get('/health/ready');

  /**
   * Holds an enterprise's registry row in an open transaction and (re)starts the worker one job at a
   * time, so the job of that enterprise's first report stops inside its transaction and the jobs after
   * it wait in the queue. Returns once the worker waits on the row; `release` lets it go on.
   */
  async function stallWorkerOn(taxCode: string): Promise<{ release: () => Promise<void> }> {
    const held = await holdEnterprises(sys.env.DATABASE_URL, [taxCode]);
    try {
      await sys.startWorker({ WORKER_CONCURRENCY: '1' });
      await waitForRowLockWaiter(sys);
    } catch (error) {
      await held.release();
      throw error;
    }
    return held;
  }

  it('accepts a report while Redis is up', async () => {
    const report = await submitAndDecide(
      sys.http,
      board,
      reportBody(ENTERPRISES[0], '2025-Q2', { grossOutput: 4_000_000_000, workers: 120, wageFund: 1_800_000_000 }),
    );
    expect(report).toMatchObject({ status: 'accepted', revision: 1 });
    expect(await summary('2025-Q2')).toMatchObject({ grossOutput: '4000000000', workers: 120, reportsReceived: 1 });
    expect((await ready()).status).toBe(200);
  });

  it('keeps taking reports while Redis is down and decides them once it is back', async () => {
    await redis.kill();

    const started = Date.now();
    const receipt = await submit(
      sys.http,
      board,
      reportBody(ENTERPRISES[1], '2025-Q2', { grossOutput: 2_500_000_000, workers: 80, averageWorkers: 75, wageFund: 1_350_000_000 }),
    );
    // Stored and acknowledged without waiting on Redis (a client retrying Redis would hang for seconds).
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await sys.http.get(`/v1/reports/${receipt.id}`, board)).body).toMatchObject({ status: 'received', revision: null });

    // Still ready, as it still stores what it is sent; the details say Redis is down.
    const down = await ready();
    expect(down.status).toBe(200);
    expect(down.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'down' } });

    // The relay cannot move it, so it stays in the outbox; nothing is decided meanwhile.
    await new Promise((r) => setTimeout(r, 1000));
    const pending = await sys.query(`SELECT job_id FROM outbox WHERE published_at IS NULL`);
    expect(pending.map((r) => r.job_id)).toEqual([`reports-${receipt.id}`]);
    expect((await sys.http.get(`/v1/reports/${receipt.id}`, board)).body.status).toBe('received');

    await redis.start();
    const decided = await verdict(sys.http, board, receipt.id, 20_000);
    expect(decided).toMatchObject({ status: 'accepted', revision: 1, employment: { workers: 80, averageWorkers: 75 } });
    // 4,000,000,000 + 2,500,000,000; wages (1,800,000,000 + 1,350,000,000) / ((120 + 75) × 3) = 5,384,615.38… → 5,384,615
    expect(await summary('2025-Q2')).toMatchObject({
      grossOutput: '6500000000',
      workers: 200,
      wageFund: '3150000000',
      averageMonthlyWage: '5384615',
      reportsReceived: 2,
    });

    await waitFor('Redis up in readiness', async () => (await ready()).body.details.redis.status === 'up', 10_000);
    expect((await ready()).status).toBe(200);
  }, 30_000);

  it('decides reports whose queued jobs were lost when Redis came back empty', async () => {
    await sys.stopWorker();
    const receipts = [];
    for (const i of [2, 3, 4])
      receipts.push(
        await submit(sys.http, board, reportBody(ENTERPRISES[i], '2025-Q3', { grossOutput: i * 1_000_000_000, workers: 10 * i })),
      );
    const stalled = await stallWorkerOn(ENTERPRISES[2]);
    try {
      // Every job is in Redis now (the relay has published the outbox): one running, two waiting.
      const deadline = Date.now() + 5000;
      while ((await sys.query('SELECT 1 FROM outbox WHERE published_at IS NULL')).length > 0) {
        if (Date.now() > deadline) throw new Error('the outbox was not published');
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await sys.query(`SELECT count(*)::int AS n FROM report_submissions WHERE status = 'received'`)).toEqual([{ n: 3 }]);
      await redis.kill();
      await redis.start();
    } finally {
      await stalled.release();
    }
    for (const { id } of receipts) expect(await verdict(sys.http, board, id, 20_000)).toMatchObject({ status: 'accepted', revision: 1 });
    expect(await summary('2025-Q3')).toMatchObject({ reportsReceived: 3, grossOutput: '9000000000', workers: 90 });
    const { stored, recomputed } = await aggregatesAndRecomputation(sys);
    expect(stored).toEqual(recomputed);
  }, 30_000);

  it('decides every report exactly once when the worker is killed while reports are in flight', async () => {
    await sys.stopWorker();
    const filings: Array<{ taxCode: string; period: string; grossOutput: number }> = [];
    for (const [i, taxCode] of ENTERPRISES.slice(2).entries()) {
      // Quarters out of order, and an amendment for every other enterprise.
      for (const period of ['2025-Q1', '2024-Q4', '2025-Q2']) filings.push({ taxCode, period, grossOutput: (i + 1) * 1_000_000_000 });
      if (i % 2 === 0) filings.push({ taxCode, period: '2024-Q4', grossOutput: (i + 1) * 1_100_000_000 });
    }
    const ids: string[] = [];
    for (const f of filings)
      ids.push((await submit(sys.http, board, reportBody(f.taxCode, f.period, { grossOutput: f.grossOutput, workers: 50 }))).id);

    // The first job stops inside its transaction, the others wait in the queue; then the worker dies.
    const stalled = await stallWorkerOn(filings[0].taxCode);
    try {
      await sys.stopWorker('SIGKILL');
    } finally {
      await stalled.release();
    }
    const [{ left }] = await sys.query(`SELECT count(*)::int AS left FROM report_submissions WHERE id = ANY($1) AND status = 'received'`, [
      ids,
    ]);
    expect(left).toBe(ids.length);

    // The job that died mid-transaction comes back once its lock expires; the queued ones at once.
    await sys.startWorker();
    await waitUntilDecided(sys, 20_000);

    await expectDecidedOnce(sys, ids);
    const { stored, recomputed } = await aggregatesAndRecomputation(sys);
    expect(stored).toEqual(recomputed);

    // Each enterprise-quarter counted once, with the figures of its last revision.
    const amended = ENTERPRISES.slice(2)
      .map((_, i) => (i % 2 === 0 ? 1_100_000_000 : 1_000_000_000) * (i + 1))
      .reduce((a, b) => a + b, 0);
    const plain = ENTERPRISES.slice(2)
      .map((_, i) => 1_000_000_000 * (i + 1))
      .reduce((a, b) => a + b, 0);
    expect(await summary('2024-Q4')).toMatchObject({ reportsReceived: 10, grossOutput: String(amended), workers: 500 });
    expect(await summary('2025-Q1')).toMatchObject({ reportsReceived: 10, grossOutput: String(plain), workers: 500 });
    expect(await summary('2025-Q2')).toMatchObject({ reportsReceived: 12, grossOutput: String(plain + 6_500_000_000), workers: 700 });
  }, 40_000);

  it('leaves reports to their batch jobs while these wait behind a slow one, queueing none of them twice', async () => {
    const requeued = async () =>
      Number(/^queue_jobs_requeued_total\{queue="reports"\} (\d+)$/m.exec(String((await sys.http.get('/metrics')).body))?.[1] ?? 0);
    await sys.stopWorker();
    const before = await requeued();
    const ids: string[] = [];
    for (const i of [5, 6, 7])
      ids.push((await submit(sys.http, board, reportBody(ENTERPRISES[i], '2025-Q3', { grossOutput: i * 1_000_000_000 }))).id);
    const stalled = await stallWorkerOn(ENTERPRISES[5]);
    const reports = new QueueJobs(sys, QueueName.Reports);
    try {
      // Longer than REQUEUE_AFTER_MS and two repair rounds: every report is stale, each in a batch job still to run.
      await new Promise((r) => setTimeout(r, 4000));
      expect(
        await sys.query(`SELECT count(*)::int AS n FROM report_submissions WHERE id = ANY($1) AND status = 'received'`, [ids]),
      ).toEqual([{ n: 3 }]);
      expect(await Promise.all(ids.map((id) => reports.queue.getJobState(id)))).toEqual(['unknown', 'unknown', 'unknown']);
    } finally {
      await stalled.release();
      await reports.close();
    }
    for (const id of ids) expect(await verdict(sys.http, board, id, 20_000)).toMatchObject({ status: 'accepted', revision: 1 });
    expect(await requeued()).toBe(before);
    // Back to the suite's worker, which takes more than one job at a time.
    await sys.stopWorker();
    await sys.startWorker();
  }, 30_000);

  /** Both schedulers, once the worker has (re-)created them. */
  async function schedulesExist(): Promise<JobSchedulerJson[]> {
    const queues = [new QueueJobs(sys, QueueName.Publications), new QueueJobs(sys, QueueName.Reminders)];
    const found = async () => (await Promise.all(queues.map((q) => q.schedulers()))).flat();
    try {
      await waitFor('both schedulers', async () => (await found()).length === 2, 10_000);
      return await found();
    } finally {
      await Promise.all(queues.map((q) => q.close()));
    }
  }

  it('decides every report once when Redis restarts empty during intake', async () => {
    await sys.startWorker();
    // Eight clients each file a quarter for their enterprises, one report after another, while Redis dies and comes back empty.
    const filed: string[] = [];
    let restarted: Promise<void> = Promise.resolve();
    const clients = ENTERPRISES.slice(0, 8).map(async (taxCode, i) => {
      for (const period of ['2026-Q1', '2026-Q2', '2026-Q1', '2026-Q2', '2026-Q1']) {
        filed.push(
          (await submit(sys.http, board, reportBody(taxCode, period, { grossOutput: (i + 1) * 1_000_000_000 + filed.length }))).id,
        );
        if (filed.length === 12)
          restarted = (async () => {
            await redis.kill();
            await redis.start();
          })();
      }
    });
    await Promise.all(clients);
    await restarted;
    await waitUntilDecided(sys, 20_000);

    const rows = await expectDecidedOnce(sys, filed);
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => `${r.tax_code} ${r.period}`)).size).toBe(16);
    const { stored, recomputed } = await aggregatesAndRecomputation(sys);
    expect(stored).toEqual(recomputed);
    expect(await schedulesExist()).toEqual([
      expect.objectContaining({ key: 'monthly-publication' }),
      expect.objectContaining({ key: 'daily-reminders' }),
    ]);
  }, 40_000);

  it('sends each subscriber one email when Redis restarts empty during a publication', async () => {
    const admin = await sys.token({ role: 'admin', name: 'admin' });
    const subscribers = Array.from({ length: 6 }, (_, i) => `ban-${i + 1}@kcn.laocai.example`);
    for (const email of subscribers)
      expect((await sys.http.post('/v1/subscriptions', { email, zoneCodes: 'all', language: 'vi' }, admin)).status).toBe(201);
    // Four emails stop mid-conversation (the worker sends four at a time); the other two wait in Redis.
    smtp.stall();
    const published = await publish(sys.http, {}, admin);
    expect(published.status).toBe(202);
    await smtp.waitFor(() => smtp.stalled, 4);
    await redis.kill();
    await redis.start();
    smtp.resume();

    await waitFor(
      'every email recorded sent',
      async () => (await sys.query(`SELECT 1 FROM email_outbox WHERE status <> 'sent'`)).length === 0,
    );
    for (const email of subscribers) expect(smtp.to(email)).toHaveLength(1);
    expect(await sys.query('SELECT id, forced FROM publications')).toEqual([{ id: published.body.id, forced: false }]);
    expect((await publish(sys.http, {}, admin)).status).toBe(200);
    expect(await schedulesExist()).toEqual([
      expect.objectContaining({ key: 'monthly-publication' }),
      expect.objectContaining({ key: 'daily-reminders' }),
    ]);
  }, 40_000);
});
