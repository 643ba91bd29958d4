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

  /** `firstPort` .. `firstPort + 5`. */
  static async start(firstPort: number, nodeTimeoutMs = 2000): Promise<PrivateRedisCluster> {
    const cluster = new PrivateRedisCluster(Array.from({ length: 6 }, (_, i) => firstPort + i));
    const { ports, servers } = cluster;
    try {
      for (const port of ports) {
        const clustered = ['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`];
        await servers.start(port, [...LOCAL(port, servers.dir), ...clustered, '--cluster-node-timeout', String(nodeTimeoutMs)]);
      }
      await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '1', '--cluster-yes']);
      await waitFor('the cluster to be ok on every node', () => cluster.healthy());
    } catch (error) {
      await servers.stop();
      throw error;
    }
    return cluster;
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
