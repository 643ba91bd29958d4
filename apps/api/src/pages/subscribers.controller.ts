import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readableZones, seesAllZones } from '@app/access';
import { ZonesRepository } from '@app/database';
import { Public } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { validateBody } from '../common/body-validation';
import { CreateSubscriptionDto } from '../subscriptions/create-subscription.dto';
import { SubscriptionsService } from '../subscriptions/subscriptions.service';
import type { PageContext } from './page-context';
import { PageErrorsFilter } from './page-errors.filter';
import { PageNotFound, PageRenderer } from './page-renderer.service';
import { SubscriberForm, subscribersPage } from './views/subscribers.view';

type Form = Readonly<Record<string, string | undefined>>;

/** The monthly email's subscribers, managed by the board: those of its zones listed, added and cancelled. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller('subscriptions')
export class SubscribersController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly subscriptions: SubscriptionsService,
    private readonly zones: ZonesRepository,
  ) {}

  @Get()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const q = request.query as Form;
    await this.send(reply, ctx, { notice: q.added ? 'added' : q.cancelled ? 'cancelled' : undefined });
  }

  @Post()
  async add(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const form = (request.body ?? {}) as Form;
    const body = {
      email: form.email ?? '',
      zoneCodes: form.zone === 'all' || !form.zone ? 'all' : [form.zone],
      language: form.language,
      audience: form.audience,
    };
    try {
      // Judged by the DTO of POST /v1/subscriptions, as the same request in JSON.
      await this.subscriptions.create(await validateBody(CreateSubscriptionDto, body), ctx.principal!);
      void reply.header('cache-control', 'no-store').redirect('/subscriptions?added=1', 303);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      await this.send(reply, ctx, { typed: form, errors: error.errors?.map((e) => e.field) ?? ['email'] }, error.getStatus());
    }
  }

  @Post(':id/cancel')
  async cancel(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    await this.subscriptions.cancel(id, ctx.principal!).catch((error: unknown) => {
      throw error instanceof Problem ? new PageNotFound() : error;
    });
    void reply.header('cache-control', 'no-store').redirect('/subscriptions?cancelled=1', 303);
  }

  private async send(reply: FastifyReply, ctx: PageContext, form: SubscriberForm, status = 200): Promise<void> {
    const p = ctx.principal!;
    const [subscribers, zones] = await Promise.all([this.subscriptions.list(p), this.zones.listByKind(readableZones(p))]);
    this.renderer.send(reply, ctx, subscribersPage(ctx, { subscribers, zones, allZones: seesAllZones(p), form }), status);
  }
}
