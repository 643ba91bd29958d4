import { AppProcess } from './support/app-process';
import { waitUntilDecided } from './support/aggregate-invariant';
import { startExtraApi } from './support/extra-process';
import { createEnterprise, createZone, reportBody } from './support/fixtures';
import { KeepAliveClients, Outcome } from './support/keep-alive-load';
import { startReadinessProbe } from './support/liveness-probe';
import { TcpProxy } from './support/tcp-proxy';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * SIGTERM to an api under load, as a deployment or a scale-down sends it: readiness turns 503 first,
 * requests in flight finish, keep-alive clients are told to close (no reset connection), every
 * acknowledged report is stored and decided, and the process exits within SHUTDOWN_TIMEOUT_MS, even
 * when PostgreSQL and Redis hang.
 */
const ZONE = 'SDN';
const ENTERPRISES = Array.from({ length: 20 }, (_, i) => `53008000${String(i + 1).padStart(2, '0')}`);
const PERIODS = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'];
const DRAIN_MS = 1000;
const DEADLINE_MS = 10_000;
const CLIENTS = 300;

describe('api stopping under load', () => {
  let sys: TestSystem;
  let board: string;

  beforeAll(async () => {
    sys = await startTestSystem('api-shutdown');
    const admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: [ZONE] });
    await createZone(sys.http, admin, ZONE);
    for (const taxCode of ENTERPRISES) await createEnterprise(sys.http, admin, taxCode, ZONE);
  }, 60_000);

  afterAll(() => sys?.close(), 60_000);

  const report = (client: number, n: number) =>
    reportBody(ENTERPRISES[client % ENTERPRISES.length], PERIODS[n % PERIODS.length], { grossOutput: 1_000_000_000 + client * 1000 + n });

  interface Stop {
    readonly outcomes: Outcome[];
    /** What readiness said on new connections from the signal on, in order. */
    readonly readiness: string[];
    readonly exitMs: number;
    readonly exitCode: number | null;
  }

  /** Loads the api with `CLIENTS` keep-alive clients posting reports, sends SIGTERM mid-load, and watches it stop. */
  async function stopUnderLoad(api: AppProcess, baseUrl: string, o: { before?: () => void } = {}): Promise<Stop> {
    const clients = new KeepAliveClients(baseUrl, CLIENTS);
    const auth = { authorization: `Bearer ${board}` };
    let stop = false;
    let answered = 0;
    const load = clients.closedLoop(
      CLIENTS,
      async (client, n) => {
        const outcome = await clients.send('POST', '/v1/reports', { body: report(client, n), headers: auth, timeoutMs: 30_000 });
        answered++;
        return outcome;
      },
      () => stop,
    );
    try {
      while (answered < 1000) await new Promise((resolve) => setTimeout(resolve, 20));
      o.before?.();
      // As a load balancer's health check, from a process of its own: a new connection each time.
      const probe = startReadinessProbe(`${baseUrl}/health/ready`);
      const signalled = Date.now();
      const exitMs = await api.stop('SIGTERM').then(() => Date.now() - signalled);
      const readiness = await probe.stop();
      stop = true;
      const outcomes = await load;
      const answers: Record<string, number> = {};
      for (const x of outcomes) answers[String(x.status ?? x.error)] = (answers[String(x.status ?? x.error)] ?? 0) + 1;
      console.log(
        `stopped under load: readiness ${readiness.join(' → ')}; exit ${api.exitCode} after ${exitMs} ms; ` +
          `answers ${JSON.stringify(answers)}`,
      );
      return { outcomes, readiness, exitMs, exitCode: api.exitCode };
    } finally {
      stop = true;
      await load;
      clients.close();
    }
  }

  /** Answers other than 202, 503, or a refusal at connect once the listener was closed (a reset, a 500), counted by kind. */
  function unexpected(outcomes: Outcome[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const o of outcomes) {
      const kind = String(o.status ?? o.error);
      if (!['202', '503', 'ECONNREFUSED'].includes(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
    }
    return counts;
  }

  async function expectAcknowledgedStoredAndDecided(outcomes: Outcome[]): Promise<void> {
    const ids = outcomes.filter((o) => o.status === 202).map((o) => o.body.id as string);
    expect(ids.length).toBeGreaterThan(1000);
    const [{ n }] = await sys.query<{ n: number }>('SELECT count(*)::int AS n FROM report_submissions WHERE id = ANY($1)', [ids]);
    expect({ stored: n }).toEqual({ stored: ids.length });
    await waitUntilDecided(sys, 60_000);
    const [{ decided }] = await sys.query<{ decided: number }>(
      `SELECT count(*)::int AS decided FROM report_submissions WHERE id = ANY($1) AND status <> 'received'`,
      [ids],
    );
    expect(decided).toBe(ids.length);
  }

  it.each([
    ['one process', '1'],
    ['two processes (cluster)', '2'],
  ])(
    'answers every request or refuses it at connect, says 503 when ready is asked before it stops listening, ' +
      'and exits within the deadline: %s',
    async (_, processes) => {
      const { api, http } = await startExtraApi(sys, {
        API_PROCESSES: processes,
        SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
        SHUTDOWN_TIMEOUT_MS: String(DEADLINE_MS),
      });
      // The worker waits until the api has stopped: what is measured is the api's shutdown, and on two cores a
      // worker deciding thousands of reports at the same moment starved the api and the clients of CPU for seconds.
      await sys.stopWorker();
      const stopped = await stopUnderLoad(api, http.baseUrl);
      await sys.startWorker();

      // Readiness turned 503 on new connections first; only then were new connections refused.
      expect({
        unexpected: unexpected(stopped.outcomes),
        readiness: stopped.readiness.join(' → '),
        exitCode: stopped.exitCode,
        exitedInTime: stopped.exitMs < DEADLINE_MS,
      }).toEqual({ unexpected: {}, readiness: expect.stringMatching(/^(200 → )?503 → ECONNREFUSED$/), exitCode: 0, exitedInTime: true });
      await expectAcknowledgedStoredAndDecided(stopped.outcomes);
    },
    120_000,
  );

  it('exits by the deadline, answering what is still in flight, while PostgreSQL and Redis hang', async () => {
    const database = new URL(sys.env.DATABASE_URL);
    const redis = new URL(sys.env.REDIS_URL);
    const pgProxy = await TcpProxy.start({ host: database.hostname, port: Number(database.port || 5432) });
    const redisProxy = await TcpProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) });
    const deadline = 4000;
    try {
      const { api, http } = await startExtraApi(sys, {
        DATABASE_URL: pgProxy.rewrite(sys.env.DATABASE_URL),
        REDIS_URL: redisProxy.rewrite(sys.env.REDIS_URL),
        SHUTDOWN_TIMEOUT_MS: String(deadline),
        DB_STATEMENT_TIMEOUT_MS: '30000',
        DB_CONNECT_TIMEOUT_MS: '30000',
      });
      await sys.stopWorker();
      const stopped = await stopUnderLoad(api, http.baseUrl, {
        before: () => {
          pgProxy.setMode('blackhole');
          redisProxy.setMode('blackhole');
        },
      });
      await sys.startWorker();
      // Stopped by its deadline with requests still waiting on the database: they were answered 503.
      expect({
        unexpected: unexpected(stopped.outcomes),
        exitCode: stopped.exitCode,
        exitedInTime: stopped.exitMs < deadline + 2000,
      }).toEqual({ unexpected: {}, exitCode: 1, exitedInTime: true });
      expect(stopped.outcomes.filter((o) => o.status === 503).length).toBeGreaterThan(0);
    } finally {
      await pgProxy.close();
      await redisProxy.close();
    }
  }, 120_000);
});
