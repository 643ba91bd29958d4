import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hashTokenSecret, Principal } from '@app/access';
import { ApiTokensRepository, SessionLimits, Transactions, WebSessionsRepository } from '@app/database';

/** 30 minutes unused or 12 hours in all, whichever comes first. */
export const SESSION_LIMITS: SessionLimits = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 60 * 60 };
/** Failed sign-ins a client may make within the window before it must wait. */
export const SIGN_IN_FAILURES_ALLOWED = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

export type SignInResult = { readonly sessionId: string } | 'wrong-token' | 'throttled';

/**
 * Sessions of the browser pages. The cookie holds a random id; the server keeps only its hash, and
 * the session reads its token's scope on every request, so revoking the token ends it at once.
 */
@Injectable()
export class WebSessions {
  constructor(
    private readonly sessions: WebSessionsRepository,
    private readonly tokens: ApiTokensRepository,
    private readonly db: Transactions,
  ) {}

  /** A throttled client is refused before its token is looked at, so guessing gains nothing. */
  async signIn(token: string, client: string): Promise<SignInResult> {
    if (await this.sessions.recentFailures(client, SIGN_IN_WINDOW_SECONDS) >= SIGN_IN_FAILURES_ALLOWED) return 'throttled';
    const holder = token.length > 0 && token.length <= 200 ? await this.tokens.findActive(hashTokenSecret(token)) : null;
    if (!holder) {
      const failures = await this.sessions.recordFailure(client, SIGN_IN_WINDOW_SECONDS);
      return failures > SIGN_IN_FAILURES_ALLOWED ? 'throttled' : 'wrong-token';
    }
    const sessionId = randomBytes(32).toString('base64url');
    await this.db.run((tx) => this.sessions.start(hashTokenSecret(sessionId), holder.id, SESSION_LIMITS, tx));
    return { sessionId };
  }

  /** Who the session belongs to, keeping it alive; null when it has ended in any way. */
  async resume(sessionId: string | undefined): Promise<Principal | null> {
    if (!sessionId || sessionId.length > 100) return null;
    const t = await this.sessions.resume(hashTokenSecret(sessionId), SESSION_LIMITS);
    return t ? { tokenId: t.id, name: t.name, role: t.role, zoneCodes: t.zoneCodes, taxCode: t.taxCode } : null;
  }

  async signOut(sessionId: string | undefined): Promise<void> {
    if (sessionId && sessionId.length <= 100) await this.sessions.end(hashTokenSecret(sessionId));
  }
}
