import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/access.decorators';
import { pageContext, safeNext } from './page-context';
import { PageRenderer } from './page-renderer.service';
import { readCookie, SESSION_COOKIE, setCookie } from './session/cookies';
import { WebSessions } from './session/web-sessions.service';
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
    const next = safeNext(body.next);
    const result = await this.sessions.signIn((body.token ?? '').trim(), request.ip);
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
