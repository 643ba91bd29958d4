import { Controller, Get, Req, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readableZones } from '@app/access';
import { isRegistryDay, localDate, parseUpwardPeriod, PeriodError } from '@app/domain';
import { PlanReader } from '@app/reporting';
import { Public } from '../auth/access.decorators';
import { PageErrorsFilter } from './page-errors.filter';
import { UpwardReports } from '../upward/upward-reports.service';
import { PageRenderer } from './page-renderer.service';
import { messagePage } from './views/message.view';
import { planPage } from './views/plan.view';

/** The province plan as of a day (`?asOf=`, default today), over the board's zones. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller()
export class PlanPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly plans: PlanReader,
    private readonly upward: UpwardReports,
  ) {}

  @Get('plan')
  async plan(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const asked = (request.query as Record<string, string | undefined>).asOf;
    const asOf = asked === undefined || asked === '' ? localDate(new Date()) : asked;
    if (!isRegistryDay(asOf)) return this.renderer.send(reply, ctx, messagePage(ctx, ctx.t.planInvalidDate, ctx.t.planDateHelp), 422);
    const zones = readableZones(ctx.principal!);
    const plan = await this.plans.planAsOf(asOf, zones);
    this.renderer.send(reply, ctx, planPage(ctx, { ...plan, scoped: zones !== null }));
  }

  /** The board's report to the ministry (`?period=` a quarter, `YYYY-H1` or a year), over the board's zones. */
  @Get('upward-report.xlsx')
  async upwardReport(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile | void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const period = (request.query as Record<string, string | undefined>).period ?? '';
    if (!isUpwardPeriod(period)) {
      return this.renderer.send(reply, ctx, messagePage(ctx, ctx.t.upwardInvalidPeriod, ctx.t.upwardPeriodHelp), 422);
    }
    return this.upward.open(period, readableZones(ctx.principal!));
  }
}

function isUpwardPeriod(text: string): boolean {
  try {
    parseUpwardPeriod(text);
    return true;
  } catch (e) {
    if (e instanceof PeriodError) return false;
    throw e;
  }
}
