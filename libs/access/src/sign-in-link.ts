import { randomBytes } from 'node:crypto';
import type { SignInLinksRepository, SqlSession } from '@app/database';
import { hashTokenSecret } from './token-secret';

/** Long enough to open a link just printed; short enough that one left in a terminal's scrollback is dead. */
export const SIGN_IN_LINK_SECONDS = 15 * 60;

/** Where the pages take a link's code (the sign-in controller's route). */
export const SIGN_IN_LINK_PATH = '/login/link';

/**
 * A new one-time sign-in link for a token: the path to open (then `next`, a path of the site), and when
 * it expires. The code is shown this once and stored only as its hash.
 */
export async function issueSignInLink(
  links: SignInLinksRepository,
  tokenId: string,
  next = '/',
  tx?: SqlSession,
): Promise<{ path: string; expiresAt: Date }> {
  const code = randomBytes(32).toString('base64url');
  const expiresAt = await links.create(hashTokenSecret(code), tokenId, SIGN_IN_LINK_SECONDS, tx);
  return { path: `${SIGN_IN_LINK_PATH}/${code}${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`, expiresAt };
}
