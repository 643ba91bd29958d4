import type { AddLine } from './bench-lines';
import type { BenchStack } from './bench-stack';
import { httpLoad } from './http-load';
import { pageSession } from './page-session';

/** The board's overview of a year, rendered by the server over the 1 million reports a province holds after years. */
export async function overviewSection(stack: BenchStack, seconds: number, log: (line: string) => void, add: AddLine): Promise<void> {
  const stored = await stack.history(1_000_000, log);
  await stack.startApi();
  const cookie = await pageSession(stack.http.baseUrl, await stack.boardToken());
  const page = { url: `${stack.http.baseUrl}/?period=2025`, connections: 4, headers: { cookie, accept: 'text/html' } };
  log(`Overview: GET /?period=2025 with a session for ${Math.max(5, seconds)} s, ${page.connections} connections`);
  // Warm-up (JIT, the session's token), not measured.
  await httpLoad({ ...page, seconds: 2 });
  const overview = await httpLoad({ ...page, seconds: Math.max(5, seconds) });
  add(
    `overview of a year (server-rendered page), ${stored.toLocaleString('en-US')} reports stored`,
    `p50 ${overview.p50} ms, p99 ${overview.p99} ms, ${overview.requestsPerSecond} pages/s (${overview.failed} failed)`,
    'target p50 ≤ 50 ms, p99 ≤ 200 ms',
    overview.p50 <= 50 && overview.p99 <= 200 && overview.failed === 0,
  );
}
