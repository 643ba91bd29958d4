import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'kcn_session';
export const LANGUAGE_COOKIE = 'kcn_lang';

/** The value of one cookie of a request, or undefined. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * Adds a Set-Cookie header (several may be sent): HttpOnly and SameSite=Lax always, Secure when the
 * request came over HTTPS (as a trusted proxy says), for the whole site. `maxAge` 0 removes the cookie.
 */
export function setCookie(request: FastifyRequest, reply: FastifyReply, name: string, value: string, maxAgeSeconds?: number): void {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  if (request.protocol === 'https') parts.push('Secure');
  const previous = reply.getHeader('set-cookie');
  const list = previous === undefined ? [] : Array.isArray(previous) ? previous : [String(previous)];
  void reply.header('set-cookie', [...list, parts.join('; ')]);
}
