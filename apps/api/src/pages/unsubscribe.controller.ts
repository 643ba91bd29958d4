import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit, SubscriptionsRepository, Transactions } from '@app/database';
import { Public } from '../auth/access.decorators';
import { pageContext } from './page-context';
import { PageErrorsFilter } from './page-errors.filter';
import { PageNotFound, PageRenderer } from './page-renderer.service';
import { unsubscribePage } from './views/unsubscribe.view';

const TOKEN = /^[0-9a-f]{64}$/;

/**
 * The unsubscribe link of every publication email: its token names one subscription and can only
 * cancel it. Opening the link asks first (mail scanners open links); the button, or a mail client's
 * one-click POST (RFC 8058, `List-Unsubscribe-Post`), cancels. It works once: after that it says so.
 */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly transactions: Transactions,
  ) {}

  @Get(':token')
  async ask(@Param('token') token: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const found = await this.find(token);
    const ctx = pageContext(request, reply, null);
    this.renderer.send(reply, ctx, unsubscribePage(ctx, { token, email: found.email, state: found.active ? 'asking' : 'already' }));
  }

  @Post(':token')
  async cancel(@Param('token') token: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const found = await this.find(token);
    const cancelled = await this.transactions.run(async (tx) => {
      const done = await this.subscriptions.cancel(found.id, tx);
      if (done)
        await recordAudit(tx, { actorName: 'unsubscribe link', action: 'subscription.cancel', entity: 'subscription', entityId: found.id });
      return done;
    });
    const ctx = pageContext(request, reply, null);
    this.renderer.send(reply, ctx, unsubscribePage(ctx, { token, email: found.email, state: cancelled ? 'done' : 'already' }));
  }

  private async find(token: string): Promise<{ id: string; email: string; active: boolean }> {
    const found = TOKEN.test(token) ? await this.subscriptions.findByUnsubscribeToken(token) : null;
    if (!found) throw new PageNotFound();
    return found;
  }
}
