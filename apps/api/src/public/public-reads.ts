import { applyDecorators, Header } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';

/** How long a browser or a shared cache may keep what anyone may read: a new publication shows within a minute. */
export const PUBLIC_MAX_AGE_SECONDS = 60;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`;

/**
 * A read of published figures that anyone may make, without a token (the API's and the public page's):
 * cacheable for a minute, and throttled per client, so that a client that floods it gets 429 and a
 * Retry-After instead of slowing the board's work. Each route keeps its own count.
 */
export function PublicRead(): MethodDecorator {
  return applyDecorators(RouteConfig({ rateLimit: { max: 120, timeWindow: '1 minute' } }), Header('cache-control', PUBLIC_CACHE_CONTROL));
}
