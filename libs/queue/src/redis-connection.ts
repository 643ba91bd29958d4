import IORedis, { RedisOptions } from 'ioredis';

/**
 * Producers fail fast while Redis is down (the outbox keeps the work); workers wait and retry
 * forever, as BullMQ requires for blocking connections.
 */
export function createRedisConnection(url: string, role: 'producer' | 'worker'): IORedis {
  const options: RedisOptions =
    role === 'producer' ? { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false } : { maxRetriesPerRequest: null };
  return new IORedis(url, { ...options, retryStrategy: (times) => Math.min(times * 200, 2000) });
}
