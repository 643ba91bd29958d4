import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_CACHE_CONTROL, PUBLIC_MAX_AGE_SECONDS } from '../public/public-reads';
import { AssetManifest, readAssetManifest } from './assets';
import { PageContext, pageContext } from './page-context';
import { readCookie, SESSION_COOKIE } from './session/cookies';
import { WebSessions } from './session/web-sessions.service';
import { layout, PageShell } from './views/layout';
import { messagePage } from './views/message.view';

/** Thrown by a page that needs a session when there is none: answered with a redirect to /login. */
export class SignInRequired extends Error {}

/** Thrown by a page for something missing or outside the caller's scope: the same 404 either way. */
export class PageNotFound extends Error {}

/** Pages are the board's: an enterprise token's session gets 403 here. */
export class BoardOnly extends Error {}

/** Pages are an enterprise's own (filing): a board's session gets 403 here. */
export class EnterpriseOnly extends Error {}

const HTML = 'text/html; charset=utf-8';

/**
 * The Cache-Control of what anyone may read, with `Vary: Cookie` (the language cookie picks the words).
 * A reply that sets the language cookie is the visitor's own: a shared cache must not hand it to others.
 */
export function keptPublic(reply: FastifyReply): string {
  void reply.header('vary', 'Cookie');
  return reply.hasHeader('set-cookie') ? `private, max-age=${PUBLIC_MAX_AGE_SECONDS}` : PUBLIC_CACHE_CONTROL;
}

/** Resolves the session of a page request and sends pages in their shell, with headers that keep them private. */
@Injectable()
export class PageRenderer {
  private readonly assets: AssetManifest = readAssetManifest();

  constructor(private readonly sessions: WebSessions) {}

  get manifest(): AssetManifest {
    return this.assets;
  }

  /** The context of a page that needs a session, of any role. */
  async signedInContext(request: FastifyRequest, reply: FastifyReply): Promise<PageContext> {
    const principal = await this.sessions.resume(readCookie(request, SESSION_COOKIE));
    if (!principal) throw new SignInRequired();
    return pageContext(request, reply, principal);
  }

  /** The context of a page that needs a board or admin session. */
  async boardContext(request: FastifyRequest, reply: FastifyReply): Promise<PageContext> {
    const ctx = await this.signedInContext(request, reply);
    if (ctx.principal!.role === 'enterprise') throw new BoardOnly();
    return ctx;
  }

  /** The context of a page that needs an enterprise's session (its tax code is the page's subject). */
  async enterpriseContext(request: FastifyRequest, reply: FastifyReply): Promise<PageContext & { taxCode: string }> {
    const ctx = await this.signedInContext(request, reply);
    const { role, taxCode } = ctx.principal!;
    if (role !== 'enterprise' || taxCode === null) throw new EnterpriseOnly();
    return { ...ctx, taxCode };
  }

  /** Sends a page (or a part of one, for the live overview) that must not be cached or framed. */
  send(reply: FastifyReply, ctx: PageContext, page: PageShell | string, status = 200, cacheControl = 'no-store'): void {
    void reply
      .code(status)
      .header('content-type', HTML)
      .header('cache-control', cacheControl)
      .header('x-frame-options', 'DENY')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
      )
      .send(typeof page === 'string' ? page : layout(ctx, this.assets, page));
  }

  /** Sends a page that is the same for every visitor in a language (no session read): caches may keep it, one per language cookie. */
  sendPublic(reply: FastifyReply, ctx: PageContext, page: PageShell, status = 200): void {
    this.send(reply, ctx, page, status, keptPublic(reply));
  }

  /** A message page for the errors above, with the context a request without a session still has. */
  sendError(request: FastifyRequest, reply: FastifyReply, error: PageNotFound | BoardOnly | EnterpriseOnly): void {
    const ctx = pageContext(request, reply, null);
    if (error instanceof BoardOnly) this.send(reply, ctx, messagePage(ctx, ctx.t.forbiddenTitle, ctx.t.boardOnly), 403);
    else if (error instanceof EnterpriseOnly) this.send(reply, ctx, messagePage(ctx, ctx.t.forbiddenTitle, ctx.t.enterpriseOnly), 403);
    else this.send(reply, ctx, messagePage(ctx, ctx.t.notFoundTitle, ctx.t.notFound), 404);
  }
}
