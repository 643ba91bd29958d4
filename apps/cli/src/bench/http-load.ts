import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
}

/** Drives one endpoint with keep-alive connections for a while; bodies may vary per request. */
export async function httpLoad(o: {
  url: string;
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: () => string;
  /** A fixed offered load (requests per second) instead of as fast as possible. */
  rate?: number;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: o.url,
    method: o.method ?? 'GET',
    duration: o.seconds,
    connections: o.connections,
    ...(o.rate ? { overallRate: o.rate } : {}),
    headers: { 'content-type': 'application/json', ...(o.headers ?? {}) },
    requests: o.body ? [{ setupRequest: (req) => ({ ...req, body: o.body!() }) }] : undefined,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors,
  };
}
