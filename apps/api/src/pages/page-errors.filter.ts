import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pageLanguage } from './page-context';
import { BoardOnly, EnterpriseOnly, PageNotFound, PageRenderer, SignInRequired } from './page-renderer.service';

/** Pages answer in pages: a redirect to sign in (and back), or a message page for what is missing or not allowed. */
@Catch(SignInRequired, PageNotFound, BoardOnly, EnterpriseOnly)
export class PageErrorsFilter implements ExceptionFilter {
  constructor(private readonly renderer: PageRenderer) {}

  catch(error: SignInRequired | PageNotFound | BoardOnly | EnterpriseOnly, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof SignInRequired) {
      // `?lang=` on the page asked for holds for the sign-in form too.
      pageLanguage(request, reply);
      void reply.header('cache-control', 'no-store').redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      return;
    }
    this.renderer.sendError(request, reply, error);
  }
}
