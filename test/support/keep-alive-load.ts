import { Agent, request } from 'node:http';

/** What one request got: a status (and Retry-After), or the socket error a client saw instead. */
export interface Outcome {
  readonly status?: number;
  readonly retryAfter?: string | null;
  readonly contentType?: string | null;
  readonly body?: any;
  /** The error code a client saw (ECONNRESET, ECONNREFUSED, ...), when no answer came. */
  readonly error?: string;
  readonly startedAt: number;
  readonly ms: number;
}

/**
 * Many clients on keep-alive connections, as a load balancer or a busy integration holds them:
 * node's own http.Agent, which reuses sockets and honours `Connection: close`. No retries, so a
 * reset connection shows as an error.
 */
export class KeepAliveClients {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  /** One request; `fresh` sends it on a new connection of its own (a new client), closed after the answer. */
  send(
    method: string,
    path: string,
    o: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number; fresh?: boolean } = {},
  ): Promise<Outcome> {
    const startedAt = Date.now();
    const payload = o.body === undefined ? undefined : Buffer.from(JSON.stringify(o.body));
    return new Promise((resolve) => {
      const req = request(
        `${this.baseUrl}${path}`,
        {
          method,
          agent: o.fresh ? false : this.agent,
          headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}), ...o.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message, startedAt, ms: Date.now() - startedAt }));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            const type = res.headers['content-type'] ?? null;
            resolve({
              status: res.statusCode,
              retryAfter: res.headers['retry-after'] ?? null,
              contentType: type,
              body: type?.includes('json') && text ? JSON.parse(text) : text,
              startedAt,
              ms: Date.now() - startedAt,
            });
          });
        },
      );
      if (o.timeoutMs)
        req.setTimeout(o.timeoutMs, () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })));
      req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message, startedAt, ms: Date.now() - startedAt }));
      req.end(payload);
    });
  }

  /** `clients` loops, each sending its next request as soon as the last was answered, until `stop()` holds. */
  async closedLoop(clients: number, next: (client: number, n: number) => Promise<Outcome>, stop: () => boolean): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let n = 0; !stop(); n++) outcomes.push(await next(client, n));
      }),
    );
    return outcomes;
  }

  close(): void {
    this.agent.destroy();
  }
}
