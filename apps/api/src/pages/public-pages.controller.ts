import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicationsRepository } from '@app/database';
import { formatQuarter, parsePeriod, periodRange, PeriodSpec } from '@app/domain';
import { XLSX_MEDIA_TYPE } from '@app/excel';
import { publicationWorkbook } from '@app/reporting';
import { Public } from '../auth/access.decorators';
import { PublicRead } from '../public/public-reads';
import { PublicSummaries } from '../public/public-summaries.service';
import { pageContext } from './page-context';
import { periodOrNull } from './page-period';
import { PageErrorsFilter } from './page-errors.filter';
import { keptPublic, PageNotFound, PageRenderer } from './page-renderer.service';
import { publicMessagePage, publicPage } from './views/public.view';

/** `period=` or `from=&to=` as the API reads them; undefined when neither is given, null when they are not a period. */
function askedPeriod(query: Record<string, string | undefined>): PeriodSpec | null | undefined {
  return periodOrNull(() => {
    if (query.period) return parsePeriod(query.period);
    if (query.from || query.to) return periodRange(query.from ?? '', query.to ?? '');
    return undefined;
  });
}

/**
 * The published figures for anyone, without signing in: what `GET /v1/public/summaries` serves, as a
 * page, and the publication's public workbook. The same for every visitor (no session is read), so
 * caches may keep it, and throttled as the API is.
 */
@ApiExcludeController()
@Public()
@UseFilters(PageErrorsFilter)
@Controller('public')
export class PublicPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly summaries: PublicSummaries,
    private readonly publications: PublicationsRepository,
  ) {}

  /** The latest publication's quarter, or the period asked (`?period=`, or `?from=&to=` for its year to date). */
  @Get()
  @PublicRead()
  async figures(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = pageContext(request, reply, null);
    const { t } = ctx;
    const asked = askedPeriod(request.query as Record<string, string | undefined>);
    if (asked === null) return this.renderer.sendPublic(reply, ctx, publicMessagePage(ctx, t.invalidPeriod, true), 422);
    const latest = await this.summaries.latest();
    if (latest === null) return this.renderer.sendPublic(reply, ctx, publicMessagePage(ctx, t.noPublications, false), 404);
    const quarters = asked === undefined ? [latest.latestQuarter] : asked.quarters.map(formatQuarter);
    const summary = await this.summaries.covering(quarters);
    if (summary === null) return this.renderer.sendPublic(reply, ctx, publicMessagePage(ctx, t.publicNotPublishedFor, true), 404);
    this.renderer.sendPublic(reply, ctx, publicPage(ctx, { summary, latest }));
  }

  /** A publication's public workbook (after disclosure control), in the page's language. */
  @Get('publications/:id/workbook.xlsx')
  @PublicRead()
  async workbook(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = pageContext(request, reply, null);
    const row = await this.publications.find(id);
    if (!row) throw new PageNotFound();
    const { content, filename } = await publicationWorkbook(row, { zoneCodes: null, audience: 'public', language: ctx.lang });
    void reply
      .header('content-type', XLSX_MEDIA_TYPE)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', keptPublic(reply))
      .send(content);
  }
}
