import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Settings } from '@app/config';
import { createRedisClient, keyPrefix, RedisClient, repairCountsKey } from '@app/queue';

/** Redis for readiness and metrics, never the request path (the public rate limit keeps its own connection, which may fail). */
@Injectable()
export class RedisProbe implements OnModuleDestroy {
  private client: RedisClient | null = null;

  constructor(private readonly settings: Settings) {}

  get redis(): RedisClient {
    if (!this.client) {
      this.client = createRedisClient(this.settings, 'probe');
      // Failures surface through the calls that need Redis; the default handler would only log noise.
      this.client.on('error', () => undefined);
    }
    return this.client;
  }

  /**
   * Whether the node holding the installation's keys answers: a read of one of them, as PING is
   * answered by any node of a cluster, even one that holds none of the queues.
   */
  async ping(timeoutMs = 1000): Promise<boolean> {
    try {
      await withTimeout(this.redis.exists(repairCountsKey(keyPrefix(this.settings))), timeoutMs);
      return true;
    } catch {
      return false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.client?.disconnect();
  }
}

export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
