import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canAccessEnterprise, canAccessZone } from '@app/access';
import { EnterpriseReportsRepository, EnterprisesRepository, ZonesRepository } from '@app/database';
import { addQuarters, formatQuarter, parsePeriod } from '@app/domain';
import { SummaryReader } from '@app/reporting';
import { Public } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { ReportReturner } from '../follow-ups/report-returner.service';
import type { PageContext } from './page-context';
import { pagePeriod } from './page-period';
import { PageErrorsFilter } from './page-errors.filter';
import { PageNotFound, PageRenderer } from './page-renderer.service';
import { formNote } from './session/form-bodies';
import { enterprisePage, ReturnOutcome } from './views/enterprise.view';
import { messagePage } from './views/message.view';
import { zonePage } from './views/zone.view';

const TREND_QUARTERS = 8;

/** A zone's trends and enterprises, and an enterprise's registry facts and report history, from which the board returns a report. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller()
export class RegistryPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly summaries: SummaryReader,
    private readonly reports: EnterpriseReportsRepository,
    private readonly enterprises: EnterprisesRepository,
    private readonly zones: ZonesRepository,
    private readonly returner: ReportReturner,
  ) {}

  @Get('zones/:code')
  async zone(@Param('code') code: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    if (!canAccessZone(ctx.principal!, code)) throw new PageNotFound();
    const period = pagePeriod(request);
    if (!period) return this.renderer.send(reply, ctx, messagePage(ctx, ctx.t.invalidPeriod, ctx.t.periodHelp), 422);
    const last = period.spec.quarters[period.spec.quarters.length - 1];
    const quarters = Array.from({ length: TREND_QUARTERS }, (_, i) => formatQuarter(addQuarters(last, i - TREND_QUARTERS + 1))).filter(
      (q) => q >= '2000-Q1',
    );
    const [summary, enterprises, ...trend] = await Promise.all([
      this.summaries.summarize(period.spec, [code]),
      this.reports.latestInZone(code),
      ...quarters.map(async (quarter) => ({ quarter, figures: (await this.summaries.summarize(parsePeriod(quarter), [code])).zones[0] })),
    ]);
    if (!summary.zones[0]) throw new PageNotFound();
    this.renderer.send(reply, ctx, zonePage(ctx, { zone: summary.zones[0], trend, enterprises }));
  }

  /** The board's view of an enterprise in its scope, and an enterprise's view of its own history. */
  @Get('enterprises/:taxCode')
  async enterprise(@Param('taxCode') taxCode: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.signedInContext(request, reply);
    const saved = (request.query as Partial<Record<string, string>>).returned === '1';
    await this.sendEnterprise(reply, ctx, taxCode, saved ? { kind: 'saved' } : undefined);
  }

  /** The board returns an enterprise's current revision, then sees the page again with the return on it. */
  @Post('enterprises/:taxCode/reports/:id/return')
  async returnReport(
    @Param('taxCode') taxCode: string,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const typed = ((request.body ?? {}) as Partial<Record<string, string>>).message;
    const message = formNote(typed);
    if (message === null) return this.sendEnterprise(reply, ctx, taxCode, { kind: 'refused', reportId: id, message: typed ?? '' }, 422);
    try {
      const report = await this.returner.return(id, { message }, ctx.principal!);
      // The report's own enterprise, whatever the address said.
      void reply.redirect(`/enterprises/${encodeURIComponent(report.taxCode)}?returned=1#period-${report.period}`, 303);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      if (error.getStatus() === 404) throw new PageNotFound();
      await this.sendEnterprise(reply, ctx, taxCode, { kind: 'conflict' }, error.getStatus());
    }
  }

  private async sendEnterprise(reply: FastifyReply, ctx: PageContext, taxCode: string, returnOutcome?: ReturnOutcome, status = 200) {
    const enterprise = await this.enterprises.find(taxCode);
    if (!enterprise || !canAccessEnterprise(ctx.principal!, enterprise.taxCode, enterprise.zoneCode)) throw new PageNotFound();
    const [history, zone] = await Promise.all([this.reports.history(taxCode), this.zones.find(enterprise.zoneCode)]);
    const data = { enterprise, zoneName: zone?.name ?? enterprise.zoneCode, history, returnOutcome };
    this.renderer.send(reply, ctx, enterprisePage(ctx, data), status);
  }
}
