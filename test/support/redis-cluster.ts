import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/**
 * A private Redis Cluster: three primaries and three replicas on ports of their own (each also uses
 * port + 10000 for the cluster bus), without persistence, in a temporary directory. A node can be
 * killed outright to play a crash; its replica takes over after the node timeout.
 */
export class PrivateRedisCluster {
  private readonly children = new Map<number, ChildProcess>();

  private constructor(
    readonly ports: readonly number[],
    private readonly dir: string,
  ) {}

  /** `firstPort` .. `firstPort + 5`; a node is failed once unreachable for `nodeTimeoutMs`. */
  static async start(firstPort: number, nodeTimeoutMs = 2000): Promise<PrivateRedisCluster> {
    const ports = Array.from({ length: 6 }, (_, i) => firstPort + i);
    const cluster = new PrivateRedisCluster(ports, mkdtempSync(join(tmpdir(), 'kcn-cluster-')));
    try {
      for (const port of ports) await cluster.startNode(port, nodeTimeoutMs);
      await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '1', '--cluster-yes']);
      await waitFor('the cluster to be ok on every node', async () =>
        (await Promise.all(ports.map((p) => cluster.stateOk(p)))).every(Boolean),
      );
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** REDIS_NODES for the apps: every node, so a client finds the cluster whichever one is down. */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  /** The port of the primary serving a key's slot, as a surviving node sees it. */
  async primaryOf(key: string): Promise<number> {
    const port = this.livePorts()[0];
    const slot = Number(await this.cli(port, 'CLUSTER', 'KEYSLOT', key));
    const lines = (await this.cli(port, 'CLUSTER', 'NODES')).split('\n').filter((l) => l.includes('master') && !l.includes('fail'));
    for (const line of lines) {
      const [, address, , , , , , , ...ranges] = line.split(' ');
      const owns = ranges.some((r) => {
        const [from, to = from] = r.split('-').map(Number);
        return slot >= from && slot <= to;
      });
      if (owns) return Number(address.split(':')[1].split('@')[0]);
    }
    throw new Error(`no primary serves slot ${slot}`);
  }

  /** Kills a node outright (SIGKILL). */
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

  /** Every live node says the cluster is ok (slots all served). */
  async healthy(): Promise<boolean> {
    return (await Promise.all(this.livePorts().map((p) => this.stateOk(p)))).every(Boolean);
  }

  private livePorts(): number[] {
    return this.ports.filter((p) => this.children.has(p));
  }

  private async startNode(port: number, nodeTimeoutMs: number): Promise<void> {
    // prettier-ignore
    const args = [
      '--port', String(port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', 'no',
      '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', String(nodeTimeoutMs),
    ];
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.children.set(port, child);
    await waitFor(
      `redis-server on port ${port}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`redis-server on port ${port} exited (port taken?)`);
        return (await this.cli(port, 'PING')) === 'PONG';
      },
      5000,
    );
  }

  private async stateOk(port: number): Promise<boolean> {
    return (await this.cli(port, 'CLUSTER', 'INFO')).includes('cluster_state:ok');
  }

  private async cli(port: number, ...command: string[]): Promise<string> {
    return (await run('redis-cli', ['-p', String(port), ...command], { timeout: 2000 })).stdout.trim();
  }
}
