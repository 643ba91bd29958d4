import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { formatQuarter } from '@app/domain';
import { Public } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { ApiByQuery, ApiPeriodQuery, periodFromQuery, splitFromQuery } from '../summaries/summaries.controller';
import { PublicRead } from './public-reads';
import { PublicSummaries } from './public-summaries.service';

/**
 * Published figures for anyone, without a token: those of the latest publication that covers the
 * period, after disclosure control. A withheld figure is null and named in its item's `withheld`; every
 * figure not shown as computed now is in `heldBack` with why (an earlier figure may stand for a revision).
 * Split by block on request, each block disclosed on its own.
 */
@ApiTags('public')
@Public()
@Controller('v1/public')
export class PublicSummariesController {
  constructor(private readonly published: PublicSummaries) {}

  @Get('summaries')
  @ApiOperation({
    summary: 'Published figures',
    description:
      'No token. The figures of the latest publication whose quarter or year to date is exactly the period ' +
      'asked (`period`, or `from` and `to`), after disclosure control: a withheld figure is null and named in ' +
      "its item's `withheld`; every figure not shown as computed now is in `heldBack` as { field, reason }, the " +
      'reason `confidential`, `protects another figure` or `revision held back` (the figure published before is ' +
      'shown again); counts are always shown. `by=ownership` adds `blocks: {foreign, domestic}` to every zone and ' +
      'total, each disclosed on its own like its item (its own `withheld` and `heldBack`; a block of fewer than three ' +
      'enterprises is withheld, and so is whatever would let it be subtracted out); a block publishes its magnitudes, ' +
      'counts and average wage, not shares, growth or plan progress (null). A publication made before blocks were ' +
      'published answers `by=ownership` with 422 NOT_PUBLISHED; any other `by` is 422 NOT_ALLOWED. 404 when no ' +
      'publication covers the period; 120 requests a minute per client, then 429 with Retry-After. Caches may keep ' +
      'an answer a minute (`Cache-Control: public, max-age=60`).',
  })
  @PublicRead()
  @ApiPeriodQuery()
  @ApiByQuery(
    'ownership: every zone and total also carries `blocks: {foreign, domestic}`, after disclosure control ' +
      "(a report counts in its enterprise's block at the end of the report's quarter)",
  )
  async summaries(@Query() q: Record<string, string>) {
    const split = splitFromQuery(q);
    const quarters = periodFromQuery(q).quarters.map(formatQuarter);
    const summary = await this.published.covering(quarters, split);
    if (!summary) throw Problem.notFound(`No publication covers ${quarters.join(', ')} yet.`);
    return summary;
  }
}
