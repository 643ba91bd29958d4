import { LOCAL, PrivateServers, redisCli, ReplicatedRedis, run } from './replicated-redis';
import { waitFor } from './wait-for';

/**
 * A private Redis Cluster: three primaries and three replicas on ports of their own (each also uses
 * port + 10000 for the cluster bus). A primary that does not answer for the node timeout is failed,
 * and its replica takes over.
 */
export class PrivateRedisCluster implements ReplicatedRedis {
  private readonly servers = new PrivateServers();

  private constructor(readonly ports: readonly number[]) {}

  /** Six nodes on `firstPort` .. `firstPort + 5`, not yet a cluster (see form). */
  static async launch(firstPort: number, nodeTimeoutMs = 2000): Promise<PrivateRedisCluster> {
    const cluster = new PrivateRedisCluster(Array.from({ length: 6 }, (_, i) => firstPort + i));
    const { ports, servers } = cluster;
    try {
      for (const port of ports) {
        const clustered = ['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`];
        await servers.start(port, [...LOCAL(port, servers.dir), ...clustered, '--cluster-node-timeout', String(nodeTimeoutMs)]);
      }
    } catch (error) {
      await servers.stop();
      throw error;
    }
    return cluster;
  }

  async form(): Promise<void> {
    const nodes = this.ports.map((p) => `127.0.0.1:${p}`);
    await run('redis-cli', ['--cluster', 'create', ...nodes, '--cluster-replicas', '1', '--cluster-yes']);
    await this.settled();
  }

  async takeDown(key: string): Promise<number[]> {
    const primary = await this.primaryOf(key);
    const nodes = (await redisCli(this.livePorts()[0], 'CLUSTER', 'NODES')).split('\n').map((l) => l.split(' '));
    const id = nodes.find(([, address]) => address.startsWith(`127.0.0.1:${primary}@`))![0];
    const replicas = nodes
      .filter(([, , , primaryId]) => primaryId === id)
      .map(([, address]) => Number(address.split(':')[1].split('@')[0]));
    const ports = [primary, ...replicas];
    await Promise.all(ports.map((p) => this.kill(p)));
    return ports;
  }

  /** A node keeps its identity and slots in its nodes file, so it comes back to its place, empty. */
  async bringBack(ports: number[]): Promise<void> {
    for (const port of ports) await this.servers.start(port);
    await this.settled();
  }

  private async settled(): Promise<void> {
    await waitFor('the cluster to be ok on every node', () => this.healthy());
    // A replica that never synced with its primary would not take over from it.
    await waitFor('every replica in sync', async () =>
      (await Promise.all(this.ports.map((p) => redisCli(p, 'INFO', 'replication')))).every(
        (info) => info.includes('role:master') || info.includes('master_link_status:up'),
      ),
    );
  }

  /** Every node as REDIS_NODES, so a client finds the cluster whichever one is down. */
  get env(): Record<string, string> {
    return { REDIS_MODE: 'cluster', REDIS_NODES: this.ports.map((p) => `127.0.0.1:${p}`).join(',') };
  }

  /** The port of the primary serving a key's slot, as a live node sees it. */
  async primaryOf(key: string): Promise<number> {
    const port = this.livePorts()[0];
    const slot = Number(await redisCli(port, 'CLUSTER', 'KEYSLOT', key));
    const lines = (await redisCli(port, 'CLUSTER', 'NODES')).split('\n').filter((l) => l.includes('master') && !l.includes('fail'));
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

  /** Every live node says the cluster is ok (every slot served). */
  async healthy(): Promise<boolean> {
    return (
      await Promise.all(this.livePorts().map(async (p) => (await redisCli(p, 'CLUSTER', 'INFO')).includes('cluster_state:ok')))
    ).every(Boolean);
  }

  kill(port: number): Promise<void> {
    return this.servers.kill(port);
  }

  stop(): Promise<void> {
    return this.servers.stop();
  }

  private livePorts(): number[] {
    return this.ports.filter((p) => this.servers.running(p));
  }
}
