import { Cluster, ClusterOptions, Redis, RedisOptions } from 'ioredis';
import { RedisSettings, redisNodes } from './redis-settings';

/** A standalone or Sentinel-managed server, or a cluster: BullMQ and our own commands take either. */
export type RedisClient = Redis | Cluster;

/**
 * What a connection is for:
 * - `worker`: BullMQ's workers, event listeners and the CLI; waits and retries forever, as BullMQ
 *   requires for blocking connections;
 * - `producer`: adds jobs while the outbox keeps the work; fails fast (see whenReady);
 * - `probe`: readiness and metrics, one retry;
 * - `limiter`: the public rate limit, which counts in the process instead when Redis does not answer
 *   within a moment.
 */
export type RedisRole = 'worker' | 'producer' | 'probe' | 'limiter';

/*
 * Producers keep their offline queue: with it off, a client still connecting (a cluster reports
 * `connect` before it is ready) refuses BullMQ's first command, and BullMQ keeps that failure for the
 * life of the queue. They fail fast by checking readiness before each use instead.
 */
const ROLE_OPTIONS: Record<RedisRole, RedisOptions> = {
  worker: { maxRetriesPerRequest: null },
  producer: { maxRetriesPerRequest: 1 },
  probe: { maxRetriesPerRequest: 1, connectTimeout: 1000 },
  limiter: { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 250, connectTimeout: 1000 },
};

/** Reconnects back off to one try every 2 s: never a tight loop. */
const backoff = (times: number) => Math.min(times * 200, 2000);

/** The one place Redis clients are built, for every mode the settings name. */
export function createRedisClient(settings: RedisSettings, role: RedisRole): RedisClient {
  const url = new URL(settings.REDIS_URL);
  const auth: RedisOptions = {
    username: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
  const options = ROLE_OPTIONS[role];
  switch (settings.REDIS_MODE) {
    case 'cluster': {
      const cluster: ClusterOptions = {
        redisOptions: { ...auth, ...options },
        enableOfflineQueue: options.enableOfflineQueue ?? true,
        clusterRetryStrategy: backoff,
      };
      return new Cluster(redisNodes(settings.REDIS_NODES), cluster);
    }
    case 'sentinel':
      return new Redis({
        ...auth,
        ...options,
        db: databaseOf(url),
        sentinels: redisNodes(settings.REDIS_NODES),
        name: settings.REDIS_SENTINEL_NAME,
        sentinelRetryStrategy: backoff,
        retryStrategy: backoff,
      });
    default:
      return new Redis(settings.REDIS_URL, { ...options, retryStrategy: backoff });
  }
}

const databaseOf = (url: URL) => Number(url.pathname.slice(1) || 0);

/** Resolves once the client is ready, or fails after `timeoutMs`: callers fail fast, and nothing is kept of the failure. */
export async function whenReady(client: RedisClient, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return;
  let onReady: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      onReady = resolve;
      client.once('ready', onReady);
      timer = setTimeout(() => reject(new Error(`Redis is not ready (${client.status}) after ${timeoutMs} ms`)), timeoutMs);
    });
  } finally {
    clearTimeout(timer);
    client.off('ready', onReady);
  }
}
