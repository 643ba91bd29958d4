import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readableZones } from '@app/access';
import { ZonesRepository } from '@app/database';
import { formatQuarter, latestQuarterPastDue, parseQuarter } from '@app/domain';
import { FilingStatusReader } from '@app/reporting';
import { Public } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { FollowUpReader } from '../follow-ups/follow-ups.service';
import { ReportReviewer } from '../follow-ups/report-reviewer.service';
import type { PageContext } from './page-context';
import { PageErrorsFilter } from './page-errors.filter';
import { PageNotFound, PageRenderer } from './page-renderer.service';
import { formNote } from './session/form-bodies';
import { filingPage } from './views/filing.view';
import { followUpsPage } from './views/follow-ups.view';
import { messagePage } from './views/message.view';

type Query = Partial<Record<string, string>>;

const FOLLOW_UPS_SHOWN = 200;

/** The board's lists: who filed a quarter, the warnings to follow up (with their reviews) and the reports returned. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller()
export class BoardListsController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly filing: FilingStatusReader,
    private readonly zones: ZonesRepository,
    private readonly followUps: FollowUpReader,
    private readonly reviewer: ReportReviewer,
  ) {}

  @Get('filing')
  async filingStatus(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const q = request.query as Query;
    const period = q.period || formatQuarter(latestQuarterPastDue(new Date()));
    if (!parseQuarter(period)) return this.renderer.send(reply, ctx, messagePage(ctx, ctx.t.invalidPeriod, ctx.t.periodHelp), 422);
    const scope = readableZones(ctx.principal!, q.zone || undefined);
    const [status, zones] = await Promise.all([this.filing.read(period, scope), this.zones.listByKind(readableZones(ctx.principal!))]);
    this.renderer.send(reply, ctx, filingPage(ctx, { period, zone: q.zone || undefined, zones, status }));
  }

  @Get('follow-ups')
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const q = request.query as Query;
    await this.sendFollowUps(reply, ctx, q, q.saved === '1');
  }

  @Post('follow-ups/:id/review')
  async review(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const form = (request.body ?? {}) as Query;
    const comment = formNote(form.comment);
    if (comment === null) {
      return this.sendFollowUps(reply, ctx, {}, false, { reportId: id, rule: form.rule ?? '', comment: form.comment ?? '' }, 422);
    }
    try {
      await this.reviewer.review(id, { comment }, ctx.principal!);
    } catch (error) {
      if (error instanceof Problem && error.getStatus() === 404) throw new PageNotFound();
      throw error;
    }
    void reply.redirect('/follow-ups?saved=1', 303);
  }

  private async sendFollowUps(
    reply: FastifyReply,
    ctx: PageContext,
    q: Query,
    saved: boolean,
    refused?: { reportId: string; rule: string; comment: string },
    status = 200,
  ): Promise<void> {
    const period = q.period && parseQuarter(q.period) ? q.period : undefined;
    const includeReviewed = q.all === '1';
    const scope = readableZones(ctx.principal!);
    // Open returns are listed whether reviewed or not: they wait for the enterprise, not for the board.
    const [page, returns] = await Promise.all([
      this.followUps.list({ period, reviewed: includeReviewed ? undefined : false }, scope, { limit: FOLLOW_UPS_SHOWN }),
      this.followUps.list({ period, returned: true }, scope, { limit: FOLLOW_UPS_SHOWN }),
    ]);
    const data = { period, includeReviewed, items: page.items, returns: returns.items, saved, refused };
    this.renderer.send(reply, ctx, followUpsPage(ctx, data), status);
  }
}
