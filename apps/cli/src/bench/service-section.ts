import { performance } from 'node:perf_hooks';
import { AppProcess, freePort } from '../processes/app-process';
import type { AddLine } from './bench-lines';
import type { BenchStack } from './bench-stack';
import { httpLoad } from './http-load';
import { cpuPerRequest } from './process-cpu';
import { processTree, residentMb } from './process-memory';

export const PERIODS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'];

/** A report of one of the registry's 10,000 enterprises for one of `periods`, varied by `n`. */
export function reportBody(n: number, periods: readonly string[] = PERIODS): string {
  return JSON.stringify({
    taxCode: `53${String((n % 10_000) + 1).padStart(8, '0')}`,
    period: periods[n % periods.length],
    production: { grossOutput: String(1_000_000_000 + n), revenue: 1_100_000_000 },
    employment: { workers: 100 + (n % 50) },
    wages: { wageFund: 1_900_000_000 },
  });
}

/** The two header rows of an uploaded CSV (labels, then field paths) and `rows` reports of the registry's enterprises. */
function uploadCsv(rows: number, period: string): Buffer {
  const lines = [
    'Mã số thuế,Kỳ,GTSX,Doanh thu,Lao động,Quỹ lương',
    'taxCode,period,production.grossOutput,production.revenue,employment.workers,wages.wageFund',
  ];
  for (let n = 0; n < rows; n++)
    lines.push(`53${String((n % 10_000) + 1).padStart(8, '0')},${period},${2_000_000_000 + n},2100000000,${120 + (n % 30)},2000000000`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * Intake rate and latency (worker stopped, then running), end-to-end rate, an upload of 5,000 rows and
 * memory, each rate also as a share of bare Fastify's JSON POST measured in the same run.
 */
export async function serviceSection(stack: BenchStack, seconds: number, log: (line: string) => void, add: AddLine): Promise<void> {
  log('Baselines on this machine');
  const barePort = await freePort();
  const bare = AppProcess.startScript('bench/bare-fastify.server.js', [String(barePort)]);
  await bare.waitUntil(() => bare.output.includes('ready'));
  const baseline = await cpuPerRequest(
    () => [bare.pid],
    () => httpLoad({ url: `http://127.0.0.1:${barePort}/echo`, method: 'POST', seconds, connections: 64, body: () => '{"a":1}' }),
  );
  await bare.stop();
  add(
    'bare Fastify JSON POST',
    `${baseline.requestsPerSecond} req/s, p99 ${baseline.p99} ms, ${baseline.cpuMicros} µs of CPU a request`,
    'baseline',
    null,
  );
  const ofBare = (perSecond: number) => perSecond / baseline.requestsPerSecond;
  const share = (perSecond: number) => `${ofBare(perSecond).toFixed(2)} of bare`;
  const inserts = await stack.data.insertRate(8, Math.min(seconds, 5));
  add('PostgreSQL single-row INSERT commits, 8 clients', `${inserts} rows/s`, 'baseline', null);

  await stack.startApi();
  log(`Api: ${stack.apiProcesses} process(es)`);
  log('Registry: 10 zones, 10,000 enterprises');
  await stack.registry();
  const token = await stack.boardToken();

  log(`Intake: POST /v1/reports for ${seconds} s, 64 connections, worker stopped`);
  let n = 0;
  const post = {
    url: `${stack.http.baseUrl}/v1/reports`,
    method: 'POST' as const,
    seconds,
    connections: 64,
    headers: { authorization: `Bearer ${token}` },
    body: () => reportBody(n++),
  };
  // Warm-up (JIT, token and registry caches), not measured.
  await httpLoad({ ...post, seconds: 3 });
  const intake = await cpuPerRequest(
    () => processTree(stack.api!.pid),
    () => httpLoad(post),
  );
  add(
    'intake rate, worker stopped, as fast as it goes',
    `${intake.requestsPerSecond} reports/s = ${share(intake.requestsPerSecond)} (${intake.failed} failed), p99 ${intake.p99} ms`,
    'target ≥ 0.33 of bare, p99 ≤ 60 ms',
    ofBare(intake.requestsPerSecond) >= 0.33 && intake.p99 <= 60 && intake.failed === 0,
  );
  // What a report costs the api whatever else the machine runs: the rates above move with other load.
  add(
    'api CPU per report, worker stopped',
    `${intake.cpuMicros} µs; bare Fastify's ${baseline.cpuMicros} µs is ${(baseline.cpuMicros / intake.cpuMicros).toFixed(2)} of it`,
    'bare Fastify, same run',
    null,
  );
  const steady = await httpLoad({ ...post, rate: 3000 });
  add(
    'intake latency at 3,000 reports/s offered, worker stopped',
    `p99 ${steady.p99} ms, p50 ${steady.p50} ms (${steady.requestsPerSecond} reports/s served = ${share(steady.requestsPerSecond)})`,
    'target p99 < 50 ms',
    steady.p99 < 50 && steady.requestsPerSecond >= 2900,
  );

  const received = await stack.data.receivedCount();
  log(`End to end: the worker decides ${received} stored submissions`);
  const started = performance.now();
  const worker = await stack.startWorker();
  await worker.waitUntil(async () => !(await stack.data.anyReceived()), 30 * 60_000);
  const drain = Math.round(received / ((performance.now() - started) / 1000));
  add('end-to-end rate (stored → counted)', `${drain} reports/s = ${share(drain)}`, 'target ≥ 0.15 of bare', ofBare(drain) >= 0.15);

  log(`Intake: POST /v1/reports for ${seconds} s, 64 connections, worker running`);
  const busy = await httpLoad(post);
  add(
    'intake rate, worker running, as fast as it goes',
    `${busy.requestsPerSecond} reports/s = ${share(busy.requestsPerSecond)} (${busy.failed} failed), p99 ${busy.p99} ms`,
    'target ≥ 0.25 of bare',
    ofBare(busy.requestsPerSecond) >= 0.25 && busy.failed === 0,
  );
  await worker.waitUntil(async () => !(await stack.data.anyReceived()), 30 * 60_000);

  log('Upload: 5,000 rows as CSV, from the request until the worker has decided every row');
  const form = new FormData();
  form.append('file', new Blob([uploadCsv(5_000, PERIODS[0])]), 'bench.csv');
  const uploadStarted = performance.now();
  const uploaded = await stack.http.request('POST', '/v1/reports/upload', { token, raw: form });
  if (uploaded.status !== 202) throw new Error(`upload answered ${uploaded.status}: ${JSON.stringify(uploaded.body)}`);
  const storedSeconds = (performance.now() - uploadStarted) / 1000;
  const batchPath = `/v1/reports/uploads/${(uploaded.body as { batchId: string }).batchId}`;
  await worker.waitUntil(async () => (await stack.http.get<{ processed: boolean }>(batchPath, token)).body.processed, 60_000);
  const uploadSeconds = (performance.now() - uploadStarted) / 1000;
  add(
    '5,000-row upload, request to every row counted',
    `${uploadSeconds.toFixed(1)} s = ${Math.round(5_000 / uploadSeconds)} rows/s = ${share(5_000 / uploadSeconds)}; ` +
      `stored and answered 202 in ${storedSeconds.toFixed(1)} s`,
    'target ≤ 5 s',
    uploadSeconds <= 5,
  );

  const apiMb = Math.max(...processTree(stack.api!.pid).map((pid) => residentMb(pid) ?? 0));
  const workerMb = residentMb(worker.pid);
  add(`api resident memory, largest of its ${stack.apiProcesses} process(es)`, `${apiMb} MB`, 'target < 250 MB', apiMb < 250);
  add('worker resident memory', `${workerMb} MB`, 'target < 300 MB', workerMb !== null && workerMb < 300);
}
