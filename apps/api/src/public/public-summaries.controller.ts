import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { formatQuarter } from '@app/domain';
import { Public } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { ApiPeriodQuery, periodFromQuery } from '../summaries/summaries.controller';
import { PublicRead } from './public-reads';
import { PublicSummaries } from './public-summaries.service';

/**
 * Published figures for anyone, without a token: those of the latest publication that covers the
 * period, after disclosure control. A withheld figure is null and named in its item's `withheld`; every
 * figure not shown as computed now is in `heldBack` with why (an earlier figure may stand for a revision).
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
      'shown again); counts are always shown. 404 when no publication covers the period; 120 requests ' +
      'a minute per client, then 429 with Retry-After. Not split by block: `by` is answered 422 NOT_PUBLISHED. ' +
      'Caches may keep an answer a minute (`Cache-Control: public, max-age=60`).',
  })
  @PublicRead()
  @ApiPeriodQuery()
  async summaries(@Query() q: Record<string, string>) {
    // Blocks are not published: a block has few enterprises, and the cross-publication audit of withheld
    // cells does not cover them. The split stays the board's.
    if (q.by !== undefined) {
      throw Problem.field(
        422,
        'by',
        'NOT_PUBLISHED',
        "published figures are not split by block (FDI and domestic): the split is the board's",
      );
    }
    const quarters = periodFromQuery(q).quarters.map(formatQuarter);
    const summary = await this.published.covering(quarters);
    if (!summary) throw Problem.notFound(`No publication covers ${quarters.join(', ')} yet.`);
    return summary;
  }
}
