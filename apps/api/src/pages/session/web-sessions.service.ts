import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hashTokenSecret, Principal } from '@app/access';
import { ApiTokensRepository, SessionLimits, SignInLinksRepository, Transactions, WebSessionsRepository } from '@app/database';

/** 30 minutes unused or 12 hours in all, whichever comes first. */
export const SESSION_LIMITS: SessionLimits = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 60 * 60 };
/** Failed sign-ins a client may make within the window before it must wait. */
export const SIGN_IN_FAILURES_ALLOWED = 5;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

export type SignInResult = { readonly sessionId: string } | 'wrong-token' | 'link-refused' | 'throttled';

/**
 * Sessions of the browser pages. The cookie holds a random id; the server keeps only its hash, and
 * the session reads its token's scope on every request, so revoking the token ends it at once.
 */
@Injectable()
export class WebSessions {
  constructor(
    private readonly sessions: WebSessionsRepository,
    private readonly tokens: ApiTokensRepository,
    private readonly links: SignInLinksRepository,
    private readonly db: Transactions,
  ) {}

  /** A throttled client is refused before its token is looked at, so guessing gains nothing. */
  async signIn(token: string, client: string): Promise<SignInResult> {
    return this.begin(client, 'wrong-token', async () =>
      token.length > 0 && token.length <= 200 ? ((await this.tokens.findActive(hashTokenSecret(token)))?.id ?? null) : null,
    );
  }

  /** A one-time link's code instead of the token: the link is used up by the session it starts. */
  async signInWithLink(code: string, client: string): Promise<SignInResult> {
    return this.begin(client, 'link-refused', async () =>
      code.length > 0 && code.length <= 100 ? this.links.use(hashTokenSecret(code)) : null,
    );
  }

  /** Starts a session for the token `find` names; a failure counts towards the client's throttling either way. */
  private async begin(client: string, refused: 'wrong-token' | 'link-refused', find: () => Promise<string | null>): Promise<SignInResult> {
    if ((await this.sessions.recentFailures(client, SIGN_IN_WINDOW_SECONDS)) >= SIGN_IN_FAILURES_ALLOWED) return 'throttled';
    const tokenId = await find();
    if (!tokenId) {
      const failures = await this.sessions.recordFailure(client, SIGN_IN_WINDOW_SECONDS);
      return failures > SIGN_IN_FAILURES_ALLOWED ? 'throttled' : refused;
    }
    const sessionId = randomBytes(32).toString('base64url');
    await this.db.run((tx) => this.sessions.start(hashTokenSecret(sessionId), tokenId, SESSION_LIMITS, tx));
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
