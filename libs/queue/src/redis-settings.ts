/** The settings every Redis client is built from (see libs/config). */
export interface RedisSettings {
  readonly REDIS_URL: string;
  readonly REDIS_MODE: string;
  readonly REDIS_NODES?: string;
  readonly REDIS_SENTINEL_NAME: string;
  readonly QUEUE_PREFIX: string;
}

export interface RedisNode {
  readonly host: string;
  readonly port: number;
}

/** The Redis settings as environment variables, for the processes a command starts. */
export function redisEnvironment(s: RedisSettings): Record<string, string> {
  const env = { REDIS_URL: s.REDIS_URL, REDIS_MODE: s.REDIS_MODE, REDIS_SENTINEL_NAME: s.REDIS_SENTINEL_NAME };
  return s.REDIS_NODES ? { ...env, REDIS_NODES: s.REDIS_NODES } : env;
}

/** `host:port,host:port` as nodes. */
export function redisNodes(list: string | undefined): RedisNode[] {
  if (!list) throw new Error('REDIS_NODES is needed in sentinel and cluster mode');
  return list.split(',').map((pair) => {
    const at = pair.lastIndexOf(':');
    return { host: pair.slice(0, at), port: Number(pair.slice(at + 1)) };
  });
}

/**
 * The prefix of every key of the installation. On a cluster a queue's keys must share one hash slot
 * (BullMQ runs scripts over several of them), so the prefix is wrapped in braces unless it already has
 * a hash tag (Redis hashes the text between the first `{` and the next `}` when it is not empty). All
 * queues then live on one slot: their scripts never cross nodes, and a failover moves them together.
 */
export function keyPrefix(s: Pick<RedisSettings, 'REDIS_MODE' | 'QUEUE_PREFIX'>): string {
  if (s.REDIS_MODE !== 'cluster') return s.QUEUE_PREFIX;
  return /^[^{]*\{[^}]+\}/.test(s.QUEUE_PREFIX) ? s.QUEUE_PREFIX : `{${s.QUEUE_PREFIX}}`;
}
