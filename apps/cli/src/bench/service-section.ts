import { performance } from 'node:perf_hooks';
import { AppProcess, freePort } from '../processes/app-process';
import type { AddLine } from './bench-lines';
import type { BenchStack } from './bench-stack';
import { httpLoad } from './http-load';
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

/** Intake rate and latency, end-to-end rate, memory and year summaries, next to baselines measured in the same run. */
export async function serviceSection(stack: BenchStack, seconds: number, log: (line: string) => void, add: AddLine): Promise<void> {
  log('Baselines on this machine');
  const barePort = await freePort();
  const bare = AppProcess.startScript('bench/bare-fastify.server.js', [String(barePort)]);
  await bare.waitUntil(() => bare.output.includes('ready'));
  const baseline = await httpLoad({
    url: `http://127.0.0.1:${barePort}/echo`,
    method: 'POST',
    seconds,
    connections: 64,
    body: () => '{"a":1}',
  });
  await bare.stop();
  add('bare Fastify JSON POST', `${baseline.requestsPerSecond} req/s, p99 ${baseline.p99} ms`, 'baseline', null);
  const inserts = await stack.data.insertRate(8, Math.min(seconds, 5));
  add('PostgreSQL single-row INSERT commits, 8 clients', `${inserts} rows/s`, 'baseline', null);

  await stack.startApi();
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
  const intake = await httpLoad(post);
  add(
    'intake rate, as fast as it goes',
    `${intake.requestsPerSecond} reports/s (${intake.failed} failed), p99 ${intake.p99} ms`,
    `target ≥ 3,000; ${Math.round((100 * intake.requestsPerSecond) / baseline.requestsPerSecond)} % of bare Fastify`,
    intake.requestsPerSecond >= 3000 && intake.failed === 0,
  );
  const steady = await httpLoad({ ...post, rate: 3000 });
  add(
    'intake latency at 3,000 reports/s',
    `p99 ${steady.p99} ms, p50 ${steady.p50} ms (${steady.requestsPerSecond} reports/s served)`,
    'target p99 < 50 ms',
    steady.p99 < 50 && steady.requestsPerSecond >= 2900,
  );

  const received = await stack.data.receivedCount();
  log(`End to end: the worker decides ${received} stored submissions`);
  const started = performance.now();
  const worker = await stack.startWorker();
  await worker.waitUntil(async () => !(await stack.data.anyReceived()), 30 * 60_000);
  const drain = Math.round(received / ((performance.now() - started) / 1000));
  add('end-to-end rate (submitted → counted)', `${drain} reports/s`, 'target ≥ 1,000', drain >= 1000);
  const apiMb = Math.max(...processTree(stack.api!.pid).map((pid) => residentMb(pid) ?? 0));
  const workerMb = residentMb(worker.pid);
  add('api resident memory, largest of its 2 processes', `${apiMb} MB`, 'target < 250 MB', apiMb < 250);
  add('worker resident memory', `${workerMb} MB`, 'target < 300 MB', workerMb !== null && workerMb < 300);

  for (const target of [10_000, 1_000_000]) {
    const stored = await stack.history(target, log);
    const summary = await httpLoad({
      url: `${stack.http.baseUrl}/v1/summaries?period=2025`,
      seconds: Math.max(3, seconds / 2),
      connections: 4,
      headers: { authorization: `Bearer ${token}` },
    });
    add(
      `year summary, ${stored.toLocaleString('en-US')} reports stored`,
      `p50 ${summary.p50} ms, p99 ${summary.p99} ms, ${summary.requestsPerSecond} req/s`,
      'target p50 < 20 ms',
      summary.p50 < 20 && summary.failed === 0,
    );
  }
}
