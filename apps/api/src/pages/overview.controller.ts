import { Controller, Get, Req, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readableZones } from '@app/access';
import { addQuarters, formatQuarter, parseQuarter, PeriodSpec } from '@app/domain';
import { SummaryReader } from '@app/reporting';
import { Public } from '../auth/access.decorators';
import { SummaryWorkbooks } from '../summaries/summary-workbooks.service';
import type { PageContext } from './page-context';
import { PageErrorsFilter } from './page-errors.filter';
import { PageRenderer } from './page-renderer.service';
import { MyQuartersPage } from './filing/my-quarters.page';
import { pagePeriod } from './page-period';
import { messagePage } from './views/message.view';
import { OverviewData, overviewFigures, overviewPage } from './views/overview.view';

const CHART_QUARTERS = 8;

/** The board's overview: the zone table, totals, filing counts and the chart; `part=figures` is the part that moves. */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller()
export class OverviewController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly summaries: SummaryReader,
    private readonly workbooks: SummaryWorkbooks,
    private readonly myQuarters: MyQuartersPage,
  ) {}

  /** The board's overview, or an enterprise's quarters: `/` is each one's home. */
  @Get()
  async overview(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.renderer.signedInContext(request, reply);
    if (ctx.principal!.role === 'enterprise') return this.myQuarters.send(ctx, reply);
    const period = pagePeriod(request);
    if (!period) return this.renderer.send(reply, ctx, messagePage(ctx, ctx.t.invalidPeriod, ctx.t.periodHelp), 422);
    const data = await this.read(ctx, period.text, period.spec);
    const part = (request.query as Record<string, string | undefined>).part;
    this.renderer.send(reply, ctx, part === 'figures' ? overviewFigures(ctx, data).text : overviewPage(ctx, data));
  }

  /** `Download Excel`: the board's workbook of what the overview shows, in the page's language. */
  @Get('overview.xlsx')
  async workbook(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile | void> {
    const ctx = await this.renderer.boardContext(request, reply);
    const period = pagePeriod(request);
    if (!period) return this.renderer.send(reply, ctx, messagePage(ctx, ctx.t.invalidPeriod, ctx.t.periodHelp), 422);
    return this.workbooks.open(period.spec, ctx.lang, readableZones(ctx.principal!));
  }

  private async read(ctx: PageContext, text: string, spec: PeriodSpec): Promise<OverviewData> {
    const zones = readableZones(ctx.principal!);
    const last = spec.quarters[spec.quarters.length - 1];
    const chartQuarters = Array.from({ length: CHART_QUARTERS }, (_, i) => formatQuarter(addQuarters(last, i - CHART_QUARTERS + 1))).filter(
      (q) => parseQuarter(q) !== null && q >= '2000-Q1',
    );
    const { summary, outputByQuarter } = await this.summaries.summarizeWithOutput(spec, zones, chartQuarters);
    return { period: text, summary, byQuarter: outputByQuarter, asOf: new Date() };
  }
}
