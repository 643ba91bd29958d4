import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorators';
import { pageContext, safeNext } from './page-context';
import { PageRenderer } from './page-renderer.service';
import { readCookie, SESSION_COOKIE, setCookie } from './session/cookies';
import { SignInResult, WebSessions } from './session/web-sessions.service';
import { signInPage } from './views/sign-in.view';

type Form = Partial<Record<string, string>>;

/** Signing in with an access token, and out. */
@ApiExcludeController()
@Public()
@Controller()
export class SignInController {
  constructor(
    private readonly sessions: WebSessions,
    private readonly renderer: PageRenderer,
  ) {}

  @Get('login')
  form(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const q = request.query as Form;
    const ctx = pageContext(request, reply, null);
    this.renderer.send(reply, ctx, signInPage(ctx, { next: safeNext(q.next), signedOut: q.signedOut === '1' }));
  }

  @Post('login')
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const body = (request.body ?? {}) as Form;
    this.answer(request, reply, safeNext(body.next), await this.sessions.signIn((body.token ?? '').trim(), request.ip));
  }

  /**
   * A one-time sign-in link (SIGN_IN_LINK_PATH, as the demo prints): opening it starts the session.
   * A browser's speculative prefetch of it is turned away, so that it does not use the link up.
   */
  @Get('login/link/:code')
  async signInWithLink(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (/prefetch|prerender/i.test([request.headers['sec-purpose'], request.headers.purpose].flat().join(' '))) {
      void reply.code(503).header('cache-control', 'no-store').send();
      return;
    }
    const next = safeNext((request.query as Form).next);
    this.answer(request, reply, next, await this.sessions.signInWithLink(code, request.ip));
  }

  private answer(request: FastifyRequest, reply: FastifyReply, next: string, result: SignInResult): void {
    if (typeof result === 'object') {
      setCookie(request, reply, SESSION_COOKIE, result.sessionId);
      void reply.header('cache-control', 'no-store').redirect(next, 303);
      return;
    }
    const ctx = pageContext(request, reply, null);
    this.renderer.send(reply, ctx, signInPage(ctx, { next, error: result }), result === 'throttled' ? 429 : 401);
  }

  @Post('logout')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.sessions.signOut(readCookie(request, SESSION_COOKIE));
    setCookie(request, reply, SESSION_COOKIE, '', 0);
    void reply.header('cache-control', 'no-store').redirect('/login?signedOut=1', 303);
  }
}
