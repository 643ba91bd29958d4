import { isIP } from 'node:net';

/**
 * Fastify's `trustProxy`: trust none, all, or the proxies at these addresses and ranges. (A hop count is
 * not offered: this Fastify version trusts no peer when given one, so it would silently do nothing.)
 */
export type TrustProxy = boolean | string[];

// Names proxy-addr (Fastify's parser) knows for the loopback, link-local and unique-local ranges.
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/**
 * TRUST_PROXY as Fastify takes it: `false`, `true`, or addresses and CIDR ranges separated by commas;
 * null when it is none of these. Only a trusted proxy's X-Forwarded-For names the client, which the
 * public rate limit counts by.
 */
export function parseTrustProxy(value: string): TrustProxy | null {
  const v = value.trim();
  if (v === 'false') return false;
  if (v === 'true') return true;
  const entries = v.split(',').map((e) => e.trim());
  return entries.every(isProxyAddress) ? entries : null;
}
