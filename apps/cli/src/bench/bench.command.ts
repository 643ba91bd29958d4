import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { issueToken } from '@app/access';
import { Settings } from '@app/config';
import { ADMIN_TIMEOUTS, ApiTokensRepository, BenchData, dropDatabase, ensureDatabase, migrateDatabase, pgConnectionOptions, Transactions } from '@app/database';
import { formatTable } from '../demo/terminal-table';
import { AppProcess, freePort } from '../processes/app-process';
import { HttpClient } from '../processes/http-client';
import { deleteKeys } from '../processes/redis-keys';
import { auditBench, AuditScale } from './disclosure-audit';
import { httpLoad } from './http-load';
import { processTree, residentMb } from './process-memory';

interface Line { metric: string; measured: string; compared: string; ok: boolean | null }

const PERIODS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'];

type AddLine = (metric: string, measured: string, compared: string, ok: boolean | null) => void;

// A nation's publications are bounded (--national-publications): each takes long enough that 24 would make the
// bench the longest thing a developer runs; the first ones already hold both periods of a year and revisions.
const AUDIT_SCALES = (nationalPublications: number): Array<{ name: string; scale: AuditScale }> => [
  { name: 'province: 50 zones, 5,000 enterprises, 8 quarters', scale: { zones: 50, enterprises: 5_000, publications: 24 } },
  {
    name: 'nation: 400 zones, 20,000 enterprises, 8 quarters',
    scale: { zones: 400, enterprises: 20_000, publications: nationalPublications },
  },
];

/** The disclosure audit of each monthly publication against all earlier ones, in this process. */
async function auditSection(flags: Record<string, string>, log: (line: string) => void, add: AddLine): Promise<void> {
  for (const { name, scale } of AUDIT_SCALES(Number(flags['national-publications'] ?? 6))) {
    log(`Disclosure audit, ${name}, ${scale.publications} publications`);
    const cost = await auditBench(scale, log);
    add(
      `disclosure audit per publication, ${name}`,
      `mean ${cost.meanMs} ms, max ${cost.maxMs} ms over ${cost.publications}; peak ${cost.peakRssMb} MB resident; ` +
        `${cost.withheldPct} % of cells withheld, ${cost.heldBack} revisions held back`,
      'target < 60 s per publication',
      cost.maxMs < 60_000,
    );
  }
}

/**
 * Measures what the installation promises (intake rate and p99, end-to-end rate, year summaries with
 * 10 thousand and 1 million reports, memory), next to baselines measured in the same run, and the cost of
 * the disclosure audit. `--only audit` runs the audit alone (no database, api or worker).
 */
export async function bench(settings: Settings, flags: Record<string, string>, log: (line: string) => void): Promise<void> {
  const lines: Line[] = [];
  const add: AddLine = (metric, measured, compared, ok) => {
    lines.push({ metric, measured, compared, ok });
    log(`  ${metric}: ${measured} (${compared})`);
  };
  if (flags.only !== 'audit') await serviceSection(settings, flags, log, add);
  await auditSection(flags, log, add);
  log('');
  const verdict = (l: Line) => (l.ok === null ? '' : l.ok ? 'ok' : 'MISSED');
  log(formatTable(['measure', 'measured', 'compared with', 'verdict'], lines.map((l) => [l.metric, l.measured, l.compared, verdict(l)])));
}

async function serviceSection(settings: Settings, flags: Record<string, string>, log: (line: string) => void, add: AddLine): Promise<void> {
  const seconds = Number(flags.seconds ?? 10);
  const url = new URL(settings.DATABASE_URL);
  url.pathname = '/kcn_bench';
  const port = await freePort();
  const env = { DATABASE_URL: url.toString(), REDIS_URL: settings.REDIS_URL, QUEUE_PREFIX: 'kcn-bench', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DB_POOL_SIZE: '8', API_PROCESSES: '2' };
  await dropDatabase(env.DATABASE_URL);
  await ensureDatabase(env.DATABASE_URL);
  await migrateDatabase(env.DATABASE_URL);
  await deleteKeys(settings.REDIS_URL, 'kcn-bench:*');
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 8, ...pgConnectionOptions(ADMIN_TIMEOUTS) });
  const transactions = new Transactions(pool);
  const data = new BenchData(transactions);

  log('Baselines on this machine');
  const barePort = await freePort();
  const bare = AppProcess.startScript('bench/bare-fastify.server.js', [String(barePort)]);
  await bare.waitUntil(() => bare.output.includes('ready'));
  const baseline = await httpLoad({ url: `http://127.0.0.1:${barePort}/echo`, method: 'POST', seconds, connections: 64, body: () => '{"a":1}' });
  await bare.stop();
  add('bare Fastify JSON POST', `${baseline.requestsPerSecond} req/s, p99 ${baseline.p99} ms`, 'baseline', null);
  const inserts = await data.insertRate(8, Math.min(seconds, 5));
  add('PostgreSQL single-row INSERT commits, 8 clients', `${inserts} rows/s`, 'baseline', null);

  const api = AppProcess.start('api', env);
  const http = new HttpClient(`http://127.0.0.1:${port}`);
  let worker: AppProcess | null = null;
  try {
    await api.waitUntil(async () => (await http.get('/health/live')).status === 200);
    log('Registry: 10 zones, 10,000 enterprises');
    await data.loadHistory({ zones: 10, enterprises: 10_000, quarters: 0 });
    const { token } = await issueToken(new ApiTokensRepository(transactions), { role: 'board', name: 'bench' });

    log(`Intake: POST /v1/reports for ${seconds} s, 64 connections, worker stopped`);
    let n = 0;
    const body = () => {
      n++;
      return JSON.stringify({
        taxCode: `53${String(n % 10_000 + 1).padStart(8, '0')}`, period: PERIODS[n % PERIODS.length],
        production: { grossOutput: String(1_000_000_000 + n), revenue: 1_100_000_000 }, employment: { workers: 100 + (n % 50) }, wages: { wageFund: 1_900_000_000 },
      });
    };
    const post = { url: `${http.baseUrl}/v1/reports`, method: 'POST' as const, seconds, connections: 64, headers: { authorization: `Bearer ${token}` }, body };
    // Warm-up (JIT, token and registry caches), not measured.
    await httpLoad({ ...post, seconds: 3 });
    const intake = await httpLoad(post);
    add('intake rate, as fast as it goes', `${intake.requestsPerSecond} reports/s (${intake.failed} failed), p99 ${intake.p99} ms`, `target ≥ 3,000; ${Math.round((100 * intake.requestsPerSecond) / baseline.requestsPerSecond)} % of bare Fastify`, intake.requestsPerSecond >= 3000 && intake.failed === 0);
    const steady = await httpLoad({ ...post, rate: 3000 });
    add('intake latency at 3,000 reports/s', `p99 ${steady.p99} ms, p50 ${steady.p50} ms (${steady.requestsPerSecond} reports/s served)`, 'target p99 < 50 ms', steady.p99 < 50 && steady.requestsPerSecond >= 2900);

    const received = await data.receivedCount();
    log(`End to end: the worker decides ${received} stored submissions`);
    const started = performance.now();
    worker = AppProcess.start('worker', { ...env, LOG_LEVEL: 'info' });
    const running = worker;
    await running.waitUntil(() => running.output.includes('worker ready'));
    await running.waitUntil(async () => !(await data.anyReceived()), 30 * 60_000);
    const drain = Math.round(received / ((performance.now() - started) / 1000));
    add('end-to-end rate (submitted → counted)', `${drain} reports/s`, 'target ≥ 1,000', drain >= 1000);
    const apiMb = Math.max(...processTree(api.pid).map((pid) => residentMb(pid) ?? 0));
    const workerMb = residentMb(running.pid);
    add('api resident memory, largest of its 2 processes', `${apiMb} MB`, 'target < 250 MB', apiMb < 250);
    add('worker resident memory', `${workerMb} MB`, 'target < 300 MB', workerMb !== null && workerMb < 300);

    for (const target of [10_000, 1_000_000]) {
      await data.clearHistory();
      const enterprises = target / 40;
      const [reports, filers] = [target, enterprises].map((n) => n.toLocaleString('en-US'));
      log(`Summaries: loading ${reports} accepted reports (${filers} enterprises × 40 quarters)`);
      const stored = await data.loadHistory({ zones: 10, enterprises, quarters: 40 });
      const summary = await httpLoad({ url: `${http.baseUrl}/v1/summaries?period=2025`, seconds: Math.max(3, seconds / 2), connections: 4, headers: { authorization: `Bearer ${token}` } });
      add(`year summary, ${stored.toLocaleString('en-US')} reports stored`, `p50 ${summary.p50} ms, p99 ${summary.p99} ms, ${summary.requestsPerSecond} req/s`, 'target p50 < 20 ms', summary.p50 < 20 && summary.failed === 0);
    }
  } finally {
    await Promise.all([api.stop(), worker?.stop()]);
    await pool.end();
    await deleteKeys(settings.REDIS_URL, 'kcn-bench:*');
  }
}
