import { createServer, Server, Socket, connect } from 'node:net';
import { freePort } from './app-process';

export type ProxyMode = 'open' | 'refuse' | 'blackhole';

/**
 * A TCP proxy on its own loopback port in front of a real server (PostgreSQL, Redis), so a suite can
 * play a network fault without touching the machine's shared services:
 * - `open`: bytes flow both ways;
 * - `refuse`: every connection is cut at once and new ones are closed on arrival (a server that is down);
 * - `blackhole`: connections stay open but nothing passes (a server that hangs), then flow again on `open`.
 */
export class TcpProxy {
  private mode: ProxyMode = 'open';
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private readonly held: Array<() => void> = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const port = await freePort();
    const server = createServer();
    const proxy = new TcpProxy(server, port, target);
    server.on('connection', (client) => proxy.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** The URL `url` rewritten to go through this proxy. */
  rewrite(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  setMode(mode: ProxyMode): void {
    this.mode = mode;
    if (mode === 'refuse') {
      for (const { client, upstream } of this.pairs) {
        client.destroy();
        upstream.destroy();
      }
      this.pairs.clear();
    }
    // Held connections and bytes pass on `open` and are dropped on `refuse`.
    if (mode !== 'blackhole') for (const release of this.held.splice(0)) release();
  }

  get connections(): number {
    return this.pairs.size;
  }

  async close(): Promise<void> {
    this.setMode('refuse');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.mode === 'refuse') {
      client.destroy();
      return;
    }
    if (this.mode === 'blackhole') {
      // Hold the connection without answering until the proxy opens again (or cuts it).
      client.pause();
      this.held.push(() => (this.mode === 'open' ? this.pipe(client) : client.destroy()));
      client.on('error', () => client.destroy());
      return;
    }
    this.pipe(client);
  }

  private pipe(client: Socket): void {
    if (client.destroyed) return;
    const upstream = connect(this.target.port, this.target.host);
    const pair = { client, upstream };
    this.pairs.add(pair);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    // Bytes that arrive while the proxy plays dead wait here and pass once it opens again.
    const relay = (from: Socket, to: Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (this.mode === 'open') to.write(chunk);
        else this.held.push(() => !to.destroyed && to.write(chunk));
      });
    relay(client, upstream);
    relay(upstream, client);
    client.resume();
  }
}
