import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problemBody } from '../../common/problem';
import { PROBLEM_CONTENT_TYPE } from '../../common/problem.filter';
import { readCookie, SESSION_COOKIE } from './cookies';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Sec-Fetch-Site when the browser sends it, else Origin against the host the request was sent to. */
export function comesFromThisOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  return origin !== undefined && origin === `${request.protocol}://${request.headers.host}`;
}

/**
 * Refuses (403) an unsafe request that a browser could have been made to send from another site: any
 * carrying the session cookie (uploads and /v1 included), and any to the pages (signing in among them,
 * so nobody can be signed in to someone else's session). Runs before the body is read. Bearer-token
 * clients send no cookie and are not affected.
 */
export function refuseCrossOriginWrites(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE.has(request.method)) return;
    const noSession = readCookie(request, SESSION_COOKIE) === undefined;
    // A mail client's one-click unsubscribe comes from no page; the link's own token is its only authority.
    if (noSession && request.url.startsWith('/unsubscribe/')) return;
    const pageRoute = !request.url.startsWith('/v1/');
    if (!pageRoute && noSession) return;
    if (comesFromThisOrigin(request)) return;
    await reply
      .code(403)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(problemBody(403, 'This request must come from a page of this site (Origin or Sec-Fetch-Site).'));
  });
}
