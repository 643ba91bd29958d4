import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'kcn_';

/** A new bearer token: shown once, stored only as its hash. */
export function generateTokenSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
