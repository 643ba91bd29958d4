import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal, readableZones } from '@app/access';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { pageLimit } from '../common/pagination';
import { ListFollowUpsQuery } from './dto/list-follow-ups.query';
import { ReviewReportDto } from './dto/review-report.dto';
import { FollowUpReader } from './follow-ups.service';
import { ReportReviewer } from './report-reviewer.service';

/** The board's follow-up of warnings: accepted reports flagged by the rules, and their review. */
@ApiTags('review')
@ApiBearerAuth()
@Controller('v1')
@Roles('admin', 'board')
export class FollowUpsController {
  constructor(
    private readonly followUps: FollowUpReader,
    private readonly reviewer: ReportReviewer,
  ) {}

  @Get('follow-ups')
  @ApiOperation({
    summary: 'Reports to follow up',
    description:
      'Admin, or a board (its zones). Current accepted revisions with warnings, each warning with the figures ' +
      "that triggered it, and the board's review; `reviewed=false` hides reviewed ones. Ordered by zone, " +
      'quarter and tax code; paginated with `limit` and `cursor`.',
  })
  @ApiOkResponse({
    description:
      '{items: [{reportId, taxCode, enterpriseName, zoneCode, period, revision, receivedAt, late, warnings, production, investment, ' +
      'employment, wages, review}], nextCursor}',
  })
  list(@Query() q: ListFollowUpsQuery, @CurrentPrincipal() p: Principal) {
    const reviewed = q.reviewed === undefined ? undefined : q.reviewed === 'true';
    return this.followUps.list({ zone: q.zone, period: q.period, reviewed }, readableZones(p), { limit: pageLimit(q), cursor: q.cursor });
  }

  /**
   * 404 for a report outside the caller's zones; 409 NOT_REVIEWABLE unless it was accepted. The comment stays with the board;
   * the enterprise reads only `messageToEnterprise`.
   */
  @Post('reports/:id/review')
  @ApiOperation({
    summary: 'Review a report',
    description:
      'Marks an accepted (or superseded) revision reviewed; a later review replaces it and the audit log keeps ' +
      'both. `comment` stays with the board; `messageToEnterprise` is what the enterprise reads on its report. ' +
      "404 outside the caller's zones; 409 NOT_REVIEWABLE for a report received or rejected.",
  })
  @HttpCode(200)
  @ApiOkResponse({ description: '{reviewedAt, reviewedBy, comment, messageToEnterprise, messageSentAt}' })
  review(@Param('id') id: string, @Body() body: ReviewReportDto, @CurrentPrincipal() p: Principal) {
    return this.reviewer.review(id, body, p);
  }
}
