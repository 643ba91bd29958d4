import { timingSafeEqual } from 'node:crypto';

/** Whether an Authorization header carries the metrics token; compared in constant time. Without a token set, anyone may scrape. */
export function metricsAllowed(token: string | undefined, authorization: string | undefined): boolean {
  if (token === undefined) return true;
  const [given, expected] = [Buffer.from(authorization ?? ''), Buffer.from(`Bearer ${token}`)];
  return given.length === expected.length && timingSafeEqual(given, expected);
}
