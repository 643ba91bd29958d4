import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/access.decorators';
import { PageErrorsFilter } from '../page-errors.filter';
import { PageRenderer } from '../page-renderer.service';
import { LiveEvent, LiveFeed } from './live-feed.service';

// Comments this often keep proxies and load balancers from closing a quiet stream.
const HEARTBEAT_MS = 15_000;

/**
 * One Server-Sent Events stream per tab, authenticated by the session cookie: `figures` events for the
 * board's pages, `verdicts` events for an enterprise's, as they come.
 */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller('events')
export class EventsController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly feed: LiveFeed,
  ) {}

  @Get()
  async events(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.signedInContext(request, reply);
    if (!this.feed.open) {
      void reply.code(503).header('retry-after', '2').send();
      return;
    }
    reply.hijack();
    const out = reply.raw;
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    // A browser reconnects after this long when the stream breaks, and then the page fetches everything.
    out.write('retry: 2000\n\n');
    const unsubscribe = this.feed.subscribe({
      principal: ctx.principal!,
      send: ({ kind, event }: LiveEvent) => out.write(`event: ${kind}\ndata: ${JSON.stringify(event)}\n\n`),
      end: () => out.end(),
    });
    const heartbeat = setInterval(() => out.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }
}
