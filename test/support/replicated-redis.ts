import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from './wait-for';

export const run = promisify(execFile);

/** A Redis whose primary can die and be replaced by its replica: a cluster, or a primary watched by sentinels. */
export interface ReplicatedRedis {
  /** The settings that point the apps at it. */
  readonly env: Record<string, string>;
  /** Joins the servers into a cluster, or starts the sentinels: until then clients cannot get going. */
  form(): Promise<void>;
  /** Kills the primary holding a key and its replicas: the key can be neither read nor written. Returns their ports. */
  takeDown(key: string): Promise<number[]>;
  /** Starts servers taken down again (empty, as after a crash without persistence) and waits until every key is served. */
  bringBack(ports: number[]): Promise<void>;
  /** The port of the primary that holds a key. */
  primaryOf(key: string): Promise<number>;
  /** Every key is served by a live primary. */
  healthy(): Promise<boolean>;
  /** Kills a server outright (SIGKILL), as in a crash. */
  kill(port: number): Promise<void>;
  stop(): Promise<void>;
}

/** A redis-cli command's answer, trimmed. */
export async function redisCli(port: number, ...command: string[]): Promise<string> {
  return (await run('redis-cli', ['-p', String(port), ...command], { timeout: 2000 })).stdout.trim();
}

/** redis-server processes of one suite, without persistence, with their files in a temporary directory. */
export class PrivateServers {
  private readonly children = new Map<number, ChildProcess>();
  private readonly args = new Map<number, string[]>();
  readonly dir = mkdtempSync(join(tmpdir(), 'kcn-redis-'));

  /** Starts `redis-server` with `args` (those it was last started with by default) and waits until it answers on `port`. */
  async start(port: number, args = this.args.get(port)!): Promise<void> {
    this.args.set(port, args);
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.children.set(port, child);
    await waitFor(`redis on port ${port} (taken?)`, async () => child.exitCode === null && (await redisCli(port, 'PING')) === 'PONG', 5000);
  }

  running(port: number): boolean {
    return this.children.has(port);
  }

  async kill(port: number): Promise<void> {
    const child = this.children.get(port);
    if (!child) return;
    this.children.delete(port);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.children.keys()].map((p) => this.kill(p)));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Options every private server takes: local only, no persistence. */
export const LOCAL = (port: number, dir: string) => [
  '--port',
  String(port),
  '--bind',
  '127.0.0.1',
  '--dir',
  dir,
  '--save',
  '',
  '--appendonly',
  'no',
];
