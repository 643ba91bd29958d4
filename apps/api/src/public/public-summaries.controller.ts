import { Controller, Get, Query } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicationsRepository } from '@app/database';
import { formatQuarter, toLocalIso } from '@app/domain';
import { Public } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { ApiPeriodQuery, periodFromQuery } from '../summaries/summaries.controller';

/**
 * Published figures for anyone, without a token: those of the latest publication that covers the
 * period, after disclosure control. A withheld figure is null and named in its item's `withheld`; every
 * figure not shown as computed now is in `heldBack` with why (an earlier figure may stand for a revision).
 */
@ApiTags('public')
@Public()
@Controller('v1/public')
export class PublicSummariesController {
  constructor(private readonly publications: PublicationsRepository) {}

  @Get('summaries')
  @ApiOperation({
    summary: 'Published figures',
    description:
      'No token. The figures of the latest publication whose quarter or year to date is exactly the period ' +
      'asked (`period`, or `from` and `to`), after disclosure control: a withheld figure is null and named in ' +
      "its item's `withheld`; every figure not shown as computed now is in `heldBack` as { field, reason }, the " +
      'reason `confidential`, `protects another figure` or `revision held back` (the figure published before is ' +
      'shown again); counts are always shown. 404 when no publication covers the period; 120 requests ' +
      'a minute per client, then 429 with Retry-After.',
  })
  // Anyone may call it: a client that floods it gets 429 and a Retry-After instead of slowing the board's work.
  @RouteConfig({ rateLimit: { max: 120, timeWindow: '1 minute' } })
  @ApiPeriodQuery()
  async summaries(@Query() q: Record<string, string>) {
    const quarters = periodFromQuery(q).quarters.map(formatQuarter);
    const published = await this.publications.latestPublicSummary(quarters);
    if (!published) throw Problem.notFound(`No publication covers ${quarters.join(', ')} yet.`);
    const publishedAt = toLocalIso(published.publishedAt);
    return { ...published.summary, publication: { id: published.publicationId, publishedAt }, asOf: publishedAt };
  }
}
