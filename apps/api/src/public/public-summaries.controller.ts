import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { formatQuarter, PublishedFigures, toLocalIso } from '@app/domain';
import { Public } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { periodFromQuery } from '../summaries/summaries.controller';

/**
 * Published figures for anyone, without a token: those of the latest publication that covers the
 * period, after disclosure control. A withheld figure is null and named in its item's `withheld`.
 */
@ApiTags('public')
@Public()
@Controller('v1/public')
export class PublicSummariesController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('summaries')
  // Anyone may call it: a client that floods it gets 429 and a Retry-After instead of slowing the board's work.
  @RouteConfig({ rateLimit: { max: 120, timeWindow: '1 minute' } })
  @ApiQuery({ name: 'period', required: false, example: '2025-Q3' })
  @ApiQuery({ name: 'from', required: false }) @ApiQuery({ name: 'to', required: false })
  async summaries(@Query() q: Record<string, string>) {
    const quarters = periodFromQuery(q).quarters.map(formatQuarter);
    const rows: Array<{ id: number; published_at: Date; public_figures: PublishedFigures }> = await this.db.query(
      'SELECT id, published_at, public_figures FROM publications ORDER BY id DESC',
    );
    for (const row of rows) {
      const summary = [row.public_figures.latestQuarter, row.public_figures.yearToDate].find((s) => s.quarters.join() === quarters.join());
      if (summary) {
        return { ...summary, publication: { id: row.id, publishedAt: toLocalIso(row.published_at) }, asOf: toLocalIso(row.published_at) };
      }
    }
    throw Problem.notFound(`No publication covers ${quarters.join(', ')} yet.`);
  }
}
