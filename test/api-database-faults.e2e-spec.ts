import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/database/src/data-source-options';
import { residentMb } from '../apps/cli/src/bench/process-memory';
import { AppProcess } from './support/app-process';
import { startExtraApi } from './support/extra-process';
import { createEnterprise, createZone, reportBody, submit, verdict } from './support/fixtures';
import { HttpClient } from './support/http-client';
import { KeepAliveClients, Outcome } from './support/keep-alive-load';
import { expectProblem } from './support/problem-assertions';
import { TcpProxy } from './support/tcp-proxy';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * An api process whose PostgreSQL is reached through a TCP proxy the suite controls: PostgreSQL that
 * hangs (blackhole) or is down (refuse), then back. Reports are stored before they are acknowledged,
 * so the api may only answer 503 (with Retry-After) meanwhile, within a bound, with its intake queue
 * and memory bounded; once the database is back, retries with the same Idempotency-Key make one report.
 */
const ZONE = 'DBF';
const ENTERPRISES = ['5300700001', '5300700002', '5300700003'];
const METRICS_TOKEN = 'metrics-token-of-the-suite';
const QUEUE_LIMIT = 100;
// One query timeout (the statement timeout plus a second) and one wait for a connection, with room for a loaded machine.
const ANSWERED_WITHIN_MS = 12_000;

describe('api with PostgreSQL hanging or refusing connections', () => {
  let sys: TestSystem;
  let proxy: TcpProxy;
  let api: AppProcess;
  let http: HttpClient;
  let clients: KeepAliveClients;
  let admin: string;
  let board: string;
  const acknowledged: string[] = [];

  beforeAll(async () => {
    sys = await startTestSystem('api-db-faults');
    const direct = new URL(sys.env.DATABASE_URL);
    proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    ({ api, http } = await startExtraApi(sys, {
      DATABASE_URL: proxy.rewrite(sys.env.DATABASE_URL),
      METRICS_TOKEN,
      INTAKE_QUEUE_LIMIT: String(QUEUE_LIMIT),
    }));
    clients = new KeepAliveClients(http.baseUrl, 400);
    admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: [ZONE] });
    await createZone(sys.http, admin, ZONE);
    for (const taxCode of ENTERPRISES) await createEnterprise(sys.http, admin, taxCode, ZONE);
  }, 60_000);

  afterAll(async () => {
    clients?.close();
    proxy?.setMode('open');
    await api?.stop();
    await proxy?.close();
    await sys?.close();
  }, 60_000);

  const report = (i: number, period = '2025-Q1') =>
    reportBody(ENTERPRISES[i % ENTERPRISES.length], period, { grossOutput: 1_000_000_000 + i });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    clients.send('POST', '/v1/reports', { body, headers: { authorization: `Bearer ${board}`, ...headers }, timeoutMs: 30_000 });
  const scrape = (token = METRICS_TOKEN) =>
    clients.send('GET', '/metrics', { headers: token ? { authorization: `Bearer ${token}` } : {}, timeoutMs: 30_000 });

  function expectUnavailable(o: Outcome, what = 'answer'): void {
    expect({ what, status: o.status, error: o.error }).toEqual({ what, status: 503, error: undefined });
    expect(o.contentType).toMatch(/^application\/problem\+json/);
    expect(o.retryAfter).toMatch(/^\d+$/);
  }

  async function readiness(database: 'up' | 'down', timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await http.get('/health/ready');
      if (r.body?.details?.database?.status === database) return r;
      if (Date.now() > deadline) throw new Error(`readiness never said the database is ${database}: ${JSON.stringify(r.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('guards /metrics with METRICS_TOKEN, and a burst of scrapes runs one count at most, answered while the count waits', async () => {
    expectProblem(await http.get('/metrics'), 401);
    expectProblem(await http.get('/metrics', 'not-the-token'), 401);

    // Every count of the table waits behind this lock, so the counts the burst starts can be seen waiting.
    const locker = new Client({ connectionString: sys.env.DATABASE_URL });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE report_submissions IN ACCESS EXCLUSIVE MODE');
    let burst: Outcome[];
    let waitingCounts = 0;
    try {
      const scrapes = Promise.all(Array.from({ length: 20 }, () => scrape()));
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        const [{ n }] = await sys.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM report_submissions GROUP BY status%'`,
        );
        waitingCounts = Math.max(waitingCounts, n);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      burst = await Promise.race([scrapes, new Promise<Outcome[]>((resolve) => setTimeout(() => resolve([]), 2000))]);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect({ waitingCounts }).toEqual({ waitingCounts: 1 });
    // Answered while the count was still waiting on the lock: process figures, no stale table figures.
    expect(burst.map((o) => o.status)).toEqual(Array(20).fill(200));

    // The count done once the lock is gone, its figures are served from then on.
    const deadline = Date.now() + 5000;
    let text = '';
    while (!/^outbox_pending \d+$/m.test(text) && Date.now() < deadline) {
      text = String((await scrape()).body);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(text).toMatch(/^outbox_pending 0$/m);
  });

  it('answers 503 with Retry-After once a lock it waits for is held longer than the lock timeout, instead of waiting', async () => {
    const locker = new Client({ connectionString: sys.env.DATABASE_URL });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE report_submissions IN ACCESS EXCLUSIVE MODE');
    let listed: Outcome;
    try {
      // Held for 10 s at most: longer than DB_LOCK_TIMEOUT_MS (3 s by default), shorter than the test.
      const released = new Promise<void>((resolve) => setTimeout(resolve, 10_000));
      listed = await Promise.race([
        clients.send('GET', '/v1/reports', { headers: { authorization: `Bearer ${admin}` }, timeoutMs: 30_000 }),
        released.then((): Outcome => ({ error: 'still waiting after 10 s', startedAt: 0, ms: 10_000 })),
      ]);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expectUnavailable(listed, 'reports listed behind a held lock');
    expect(listed.ms).toBeLessThan(6000);
  });

  it('drops a connection whose query got no answer in time, so that the pool never hands it out again', async () => {
    // The api's own pool settings, on a pool of one connection through a proxy of its own.
    const direct = new URL(sys.env.DATABASE_URL);
    const own = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    const db = new DataSource(
      dataSourceOptions(own.rewrite(sys.env.DATABASE_URL), 1, {
        connectMs: 2000,
        statementMs: 500,
        lockMs: 500,
        idleInTransactionMs: 5000,
      }),
    );
    await db.initialize();
    try {
      const pid = async () => (await db.query<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid'))[0].pid;
      const before = await pid();
      own.setMode('blackhole');
      await expect(db.query('SELECT 1')).rejects.toThrow(/Query read timeout/);
      own.setMode('open');
      // A connection still waiting on the lost query would run the next one once its answer came.
      expect(await pid()).not.toBe(before);
    } finally {
      await db.destroy().catch(() => undefined);
      await own.close();
    }
  });

  it('answers a report 503 with Retry-After within the bound while PostgreSQL hangs, and readiness names the database', async () => {
    const warm = await post(report(0), { 'idempotency-key': 'warm-up' });
    expect(warm.status).toBe(202);
    acknowledged.push(warm.body.id);

    proxy.setMode('blackhole');
    const hung = await post(report(1));
    expectUnavailable(hung, 'report while PostgreSQL hangs');
    console.log(`PostgreSQL hanging: a report answered ${hung.status} in ${hung.ms} ms`);
    expect(hung.ms).toBeLessThan(ANSWERED_WITHIN_MS);

    const ready = await readiness('down', 5000);
    expect(ready.status).toBe(503);
    expect(ready.body.details).toEqual({ database: { status: 'down' }, redis: { status: 'up' } });
  }, 40_000);

  it('keeps answering 503 to a flood of reports while PostgreSQL hangs, with its intake queue and memory bounded', async () => {
    const before = residentMb(api.pid)!;
    let stop = false;
    const queued: number[] = [];
    const sampling = (async () => {
      while (!stop) {
        const m = await scrape();
        const line = /^report_intake_queued (\d+)$/m.exec(String(m.body));
        queued.push(line ? Number(line[1]) : -1);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();
    const timer = setTimeout(() => (stop = true), 12_000);
    const outcomes = await clients.closedLoop(
      300,
      (client, n) => post(report(client * 1000 + n)),
      () => stop,
    );
    clearTimeout(timer);
    stop = true;
    await sampling;
    const after = residentMb(api.pid)!;
    const slowest = Math.max(...outcomes.map((o) => o.ms));
    console.log(
      `PostgreSQL hanging: ${outcomes.length} reports answered in 12 s by 300 clients, slowest ${slowest} ms; ` +
        `intake queue at most ${Math.max(...queued)}; RSS ${before} → ${after} MB`,
    );

    const statuses = new Map<string, number>();
    for (const o of outcomes) statuses.set(String(o.status ?? o.error), (statuses.get(String(o.status ?? o.error)) ?? 0) + 1);
    expect(Object.fromEntries(statuses)).toEqual({ 503: outcomes.length });
    for (const o of outcomes) expectUnavailable(o);
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(ANSWERED_WITHIN_MS);
    // Beyond its limit the queue refuses at once rather than growing.
    expect(queued.length).toBeGreaterThan(5);
    expect(Math.min(...queued)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...queued)).toBeLessThanOrEqual(QUEUE_LIMIT);
    expect(after - before).toBeLessThan(150);
  }, 60_000);

  it('answers 503 with Retry-After, never 500, on every endpoint needing the database while PostgreSQL refuses connections', async () => {
    proxy.setMode('refuse');
    await readiness('down');
    const refusedByKey = await post(report(2, '2025-Q2'), { 'idempotency-key': 'retried-across-the-outage' });
    expectUnavailable(refusedByKey, 'report while PostgreSQL refuses');

    const uuid = '00000000-0000-4000-8000-000000000000';
    const sample = (name: string) =>
      ({ id: uuid, batchId: uuid, code: ZONE, zoneCode: ZONE, taxCode: ENTERPRISES[0], period: '2025-Q1', year: '2025' })[name] ?? 'x';
    const docs = (await sys.http.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const answers: Array<{ operation: string; status?: number; retryAfter?: string | null; problem: boolean; error?: string }> = [];
    for (const [path, operations] of Object.entries(docs.paths)) {
      for (const method of Object.keys(operations)) {
        const operation = operations[method] as { parameters?: Array<{ name: string; in: string; required?: boolean }> };
        const query = (operation.parameters ?? [])
          .filter((p) => p.in === 'query' && (p.required || p.name === 'period'))
          .map((p) => `${p.name}=${sample(p.name)}`);
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => sample(name)) + (query.length > 0 ? `?${query.join('&')}` : '');
        const o = await clients.send(method.toUpperCase(), url, {
          body: ['post', 'put', 'patch'].includes(method) ? {} : undefined,
          headers: { authorization: `Bearer ${path === '/metrics' ? METRICS_TOKEN : admin}` },
          timeoutMs: 20_000,
        });
        answers.push({
          operation: `${method.toUpperCase()} ${path}`,
          status: o.status,
          retryAfter: o.retryAfter,
          problem: /^application\/problem\+json/.test(o.contentType ?? ''),
          error: o.error,
        });
      }
    }
    const alive = ['GET /health/live', 'GET /metrics'];
    expect(answers.filter((a) => alive.includes(a.operation)).map((a) => [a.operation, a.status])).toEqual(alive.map((op) => [op, 200]));
    const others = answers.filter((a) => !alive.includes(a.operation));
    expect(others.length).toBeGreaterThan(30);
    expect(others.filter((a) => !(a.status === 503 && a.problem && /^\d+$/.test(a.retryAfter ?? '')))).toEqual([]);
  }, 60_000);

  it('takes reports again once PostgreSQL is back: a retried Idempotency-Key makes one; each one acknowledged is decided', async () => {
    proxy.setMode('open');
    await readiness('up');

    const key = { 'idempotency-key': 'retried-across-the-outage' };
    const first = await post(report(2, '2025-Q2'), key);
    const again = await post(report(2, '2025-Q2'), key);
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.body.id).toBe(first.body.id);
    acknowledged.push(first.body.id);
    acknowledged.push((await submit(http, board, report(1, '2025-Q3'))).id);

    expect(
      await sys.query(`SELECT count(*)::int AS n FROM report_submissions WHERE idempotency_key = $1`, [key['idempotency-key']]),
    ).toEqual([{ n: 1 }]);
    // Nothing acknowledged was lost; nothing refused was stored meanwhile.
    const stored = await sys.query<{ id: string }>('SELECT id FROM report_submissions ORDER BY received_at');
    expect(stored.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
    for (const id of acknowledged) expect((await verdict(http, board, id, 20_000)).status).toBe('accepted');
  }, 60_000);
});
