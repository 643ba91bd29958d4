import { Redis } from 'ioredis';
import { createRedisClient, whenReady } from './redis-connection';
import { keyPrefix, RedisSettings } from './redis-settings';

/**
 * Deletes the keys matching a pattern, by default every key of the installation (a demo's, a
 * benchmark's or a test suite's). On a cluster
 * every primary is scanned, as keys may live on any of them, and keys are deleted one by one: a
 * command over several keys must stay within one slot.
 */
export async function deleteKeys(settings: RedisSettings, pattern = `${keyPrefix(settings)}:*`): Promise<void> {
  const client = createRedisClient(settings, 'worker');
  try {
    await whenReady(client, 10_000);
    const nodes = 'nodes' in client && settings.REDIS_MODE === 'cluster' ? client.nodes('master') : [client as Redis];
    for (const node of nodes) await deleteOnNode(node, pattern);
  } finally {
    client.disconnect();
  }
}

async function deleteOnNode(node: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length > 0) await keys.reduce((p, key) => p.unlink(key), node.pipeline()).exec();
    cursor = next;
  } while (cursor !== '0');
}
