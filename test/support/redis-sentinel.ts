import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './app-process';
import { LOCAL, PrivateServers, redisCli, ReplicatedRedis } from './replicated-redis';
import { waitFor } from './wait-for';

const NAME = 'kcn';

/**
 * A private primary and replica watched by three sentinels: two must agree that the primary is down,
 * which it is after a second without answering; the sentinels then promote the replica.
 */
export class PrivateRedisSentinel implements ReplicatedRedis {
  private readonly servers = new PrivateServers();

  private constructor(
    private readonly primary: number,
    private readonly replica: number,
    private readonly sentinels: readonly number[],
  ) {}

  /** The primary and its replica, in sync; no sentinel yet (see form). */
  static async launch(): Promise<PrivateRedisSentinel> {
    const ports = [];
    for (let i = 0; i < 5; i++) ports.push(await freePort());
    const [primary, replica, ...sentinels] = ports;
    const setup = new PrivateRedisSentinel(primary, replica, sentinels);
    const { servers } = setup;
    try {
      await servers.start(primary, LOCAL(primary, servers.dir));
      await servers.start(replica, [...LOCAL(replica, servers.dir), '--replicaof', '127.0.0.1', String(primary)]);
      await waitFor('the replica in sync', async () => (await redisCli(replica, 'INFO', 'replication')).includes('master_link_status:up'));
    } catch (error) {
      await servers.stop();
      throw error;
    }
    return setup;
  }

  async form(): Promise<void> {
    for (const port of this.sentinels) await this.servers.start(port, [this.sentinelConfig(port, this.primary), '--sentinel']);
    await waitFor('every sentinel to know the replica and the other sentinels', async () =>
      (await Promise.all(this.sentinels.map((p) => redisCli(p, 'SENTINEL', 'MASTER', NAME)))).every((info) =>
        /num-slaves\n1\n[\s\S]*num-other-sentinels\n2\n/.test(info),
      ),
    );
  }

  /** Both servers: the sentinels have no replica to promote. */
  async takeDown(): Promise<number[]> {
    const ports = [this.primary, this.replica];
    await Promise.all(ports.map((p) => this.kill(p)));
    return ports;
  }

  async bringBack(ports: number[]): Promise<void> {
    for (const port of ports) await this.servers.start(port);
    await waitFor('the primary back', () => this.healthy());
    await waitFor('the replica in sync', async () =>
      (await redisCli(this.replica, 'INFO', 'replication')).includes('master_link_status:up'),
    );
  }

  get env(): Record<string, string> {
    return { REDIS_MODE: 'sentinel', REDIS_NODES: this.sentinels.map((p) => `127.0.0.1:${p}`).join(','), REDIS_SENTINEL_NAME: NAME };
  }

  /** The primary as the sentinels name it (it holds every key). */
  async primaryOf(): Promise<number> {
    const [, port] = (await redisCli(this.sentinels[0], 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', NAME)).split('\n');
    return Number(port);
  }

  async healthy(): Promise<boolean> {
    const primary = await this.primaryOf();
    return this.servers.running(primary) && (await redisCli(primary, 'ROLE')).startsWith('master');
  }

  kill(port: number): Promise<void> {
    return this.servers.kill(port);
  }

  stop(): Promise<void> {
    return this.servers.stop();
  }

  private sentinelConfig(port: number, primary: number): string {
    const file = join(this.servers.dir, `sentinel-${port}.conf`);
    const lines = [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${this.servers.dir}`,
      `sentinel monitor ${NAME} 127.0.0.1 ${primary} 2`,
      `sentinel down-after-milliseconds ${NAME} 1000`,
      `sentinel failover-timeout ${NAME} 5000`,
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  }
}
