import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { createRedisClient, RedisClient, RedisSettings } from '@app/queue';

type Count = { current: number; ttl: number };
interface Counter {
  incr(key: string, done: (error: Error | null, result?: Count) => void, timeWindow: number, max: number): void;
  child(routeOptions: unknown): Counter;
}
type CounterCtor = new (continueExceeding: boolean, exponentialBackoff: boolean, ...options: unknown[]) => Counter;

// The plugin's own counters, which it does not export: in Redis (for every process) and in memory.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RedisCounter = require('@fastify/rate-limit/store/RedisStore') as CounterCtor;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LocalCounter = require('@fastify/rate-limit/store/LocalStore') as CounterCtor;

/** The rate limiter's Redis connection: it fails at once while Redis is away and within a moment when it hangs. */
export function rateLimitRedis(settings: RedisSettings): RedisClient {
  const redis = createRedisClient(settings, 'limiter');
  // Failures fall back to counting in the process (below); the default handler would only log noise.
  redis.on('error', () => undefined);
  return redis;
}

/**
 * Counts requests in Redis under `keyPrefix`, so every api process of the installation shares one
 * count per client. While Redis fails or hangs, each process counts on its own instead: an outage
 * neither breaks the public reads nor lifts the limit.
 */
export function sharedRateLimitStore(redis: RedisClient, keyPrefix: string): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly shared: Counter;
    private readonly local: Counter;

    // The plugin passes its options; the route's own come through child().
    constructor(_options?: unknown, counters?: { shared: Counter; local: Counter }) {
      this.shared = counters?.shared ?? new RedisCounter(false, false, redis, keyPrefix);
      this.local = counters?.local ?? new LocalCounter(false, false);
    }

    incr(key: string, done: (error: Error | null, result?: Count) => void, timeWindow: number, max: number): void {
      this.shared.incr(key, (error, result) => (error ? this.local.incr(key, done, timeWindow, max) : done(null, result)), timeWindow, max);
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): SharedRateLimitStore {
      return new SharedRateLimitStore(undefined, { shared: this.shared.child(routeOptions), local: this.local.child(routeOptions) });
    }
  }
  return SharedRateLimitStore;
}
