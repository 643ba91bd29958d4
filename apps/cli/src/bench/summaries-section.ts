import type { AddLine } from './bench-lines';
import type { BenchStack } from './bench-stack';
import { httpLoad } from './http-load';

/** Year summaries with 10 thousand and 1 million accepted reports stored. */
export async function summariesSection(stack: BenchStack, seconds: number, log: (line: string) => void, add: AddLine): Promise<void> {
  await stack.startApi();
  const token = await stack.boardToken();
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
