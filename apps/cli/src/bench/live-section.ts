import { performance } from 'node:perf_hooks';
import type { AddLine } from './bench-lines';
import type { BenchStack } from './bench-stack';
import { EventStream } from './event-stream';
import { httpLoad } from './http-load';
import { pageSession } from './page-session';
import { PERIODS, reportBody } from './service-section';

/** Open pages, each scoped to a zone of its own that only its probe reports move. */
const PAGES = 4;
const FILED_PER_SECOND = 1000;
// The days before a due date: first filings of quarters after any stored history (which ends at 2025-Q4),
// 30,000 distinct enterprise-quarters, as many as 30 s at the rate files.
const FILED_PERIODS = ['2026-Q1', '2026-Q2', '2026-Q3'];
// A probe not heard of by then counts as missed.
const GIVE_UP_MS = 10_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * From the POST of a report to the `figures` event on an open page's stream, while 1,000 reports a
 * second are filed in other zones. Each page (a board session scoped to one probe zone) files one probe
 * report at a time, each of another quarter than the one before, and waits for the event naming it.
 */
export async function liveSection(stack: BenchStack, seconds: number, log: (line: string) => void, add: AddLine): Promise<void> {
  await stack.registry();
  const probes = await stack.data.loadProbeZones(PAGES);
  await stack.startApi();
  const worker = await stack.startWorker();
  await worker.waitUntil(async () => !(await stack.data.anyReceived()), 30 * 60_000);
  const baseUrl = stack.http.baseUrl;
  const filer = await stack.boardToken();
  const pages = await Promise.all(
    probes.map(async (probe) => {
      const cookie = await pageSession(baseUrl, await stack.boardToken([probe.zone], `page of ${probe.zone}`));
      return { ...probe, stream: await EventStream.open(baseUrl, cookie) };
    }),
  );

  const duration = Math.max(20, 3 * seconds);
  log(
    `Live figures: ${PAGES} open pages, one probe report at a time each, while ${FILED_PER_SECOND} reports/s are filed for ${duration} s`,
  );
  let n = 0;
  const load = httpLoad({
    url: `${baseUrl}/v1/reports`,
    method: 'POST',
    seconds: duration,
    connections: 32,
    rate: FILED_PER_SECOND,
    headers: { authorization: `Bearer ${filer}` },
    body: () => reportBody(n++, FILED_PERIODS),
  });
  // The probes start once the load runs at its rate and stop before it ends.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const until = performance.now() + (duration - 6) * 1000;
  const latencies: number[] = [];
  let missed = 0;
  await Promise.all(
    pages.map(async (page) => {
      for (let k = 0; performance.now() < until; k++) {
        const period = PERIODS[k % PERIODS.length];
        const heard = page.stream.next(
          (e) => Array.isArray((e as { periods: unknown }).periods) && (e as { periods: string[] }).periods.includes(period),
          GIVE_UP_MS,
        );
        const posted = performance.now();
        const reply = await stack.http.post(
          '/v1/reports',
          {
            taxCode: page.taxCode,
            period,
            production: { grossOutput: String(2_000_000_000 + k), revenue: 2_000_000_000 },
            employment: { workers: 50 },
            wages: { wageFund: 900_000_000 },
          },
          filer,
        );
        if (reply.status !== 202) throw new Error(`a probe report was answered ${reply.status}: ${JSON.stringify(reply.body)}`);
        const at = await heard;
        if (at === null) missed++;
        else latencies.push(at - posted);
      }
    }),
  );
  const filed = await load;
  for (const page of pages) page.stream.close();
  const sorted = latencies.sort((a, b) => a - b);
  const ms = (v: number) => `${Math.round(v)} ms`;
  add(
    `accepted report → open page's event stream, while ${FILED_PER_SECOND.toLocaleString('en-US')} reports/s are filed`,
    `p50 ${ms(percentile(sorted, 50))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted[sorted.length - 1])}, ` +
      `over ${sorted.length} reports, ${missed} missed; ${filed.requestsPerSecond} reports/s filed (${filed.failed} failed)`,
    'target p99 ≤ 2,000 ms',
    sorted.length > 0 &&
      percentile(sorted, 99) <= 2000 &&
      missed === 0 &&
      filed.failed === 0 &&
      filed.requestsPerSecond >= 0.95 * FILED_PER_SECOND,
  );
}
