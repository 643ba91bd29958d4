import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal, readableZones } from '@app/access';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { pageLimit } from '../common/pagination';
import { ListFollowUpsQuery } from './dto/list-follow-ups.query';
import { ReturnReportDto } from './dto/return-report.dto';
import { ReviewReportDto } from './dto/review-report.dto';
import { FollowUpReader } from './follow-ups.service';
import { ReportReturner } from './report-returner.service';
import { ReportReviewer } from './report-reviewer.service';

/** The board's follow-up: accepted reports flagged by the rules and their review, and reports returned for amendment. */
@ApiTags('review')
@ApiBearerAuth()
@Controller('v1')
@Roles('admin', 'board')
export class FollowUpsController {
  constructor(
    private readonly followUps: FollowUpReader,
    private readonly reviewer: ReportReviewer,
    private readonly returner: ReportReturner,
  ) {}

  @Get('follow-ups')
  @ApiOperation({
    summary: 'Reports to follow up',
    description:
      'Admin, or a board (its zones). Current accepted revisions with warnings, each warning with the figures ' +
      "that triggered it, and the board's review; and current revisions returned for amendment and not yet amended, " +
      'with `returned.ageDays`, the days since the return. `reviewed=false` hides reviewed ones; `returned=true` lists ' +
      'open returns only. Ordered by zone, quarter and tax code; paginated with `limit` and `cursor`.',
  })
  @ApiOkResponse({
    description:
      '{items: [{reportId, taxCode, enterpriseName, zoneCode, period, revision, receivedAt, late, warnings, production, investment, ' +
      'employment, wages, review, returned: {at, by, message, ageDays} | null}], nextCursor}',
  })
  list(@Query() q: ListFollowUpsQuery, @CurrentPrincipal() p: Principal) {
    const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
    return this.followUps.list(
      { zone: q.zone, period: q.period, reviewed: flag(q.reviewed), returned: flag(q.returned) },
      readableZones(p),
      {
        limit: pageLimit(q),
        cursor: q.cursor,
      },
    );
  }

  /**
   * 404 outside the caller's zones; 409 NOT_CURRENT unless it is the current accepted revision, 409 ALREADY_RETURNED
   * while an earlier return waits for the amendment.
   */
  @Post('reports/:id/return')
  @ApiOperation({
    summary: 'Return a report for amendment',
    description:
      "Returns the enterprise's current revision with a message: the enterprise is emailed once (if the registry has " +
      'its contact email), sees the report as returned with the message on its pages, and the report shows ' +
      '`returned: {at, by, message}` until the enterprise files an amendment, whose acceptance closes the return. The ' +
      "figures stay counted until the amendment replaces them. 404 outside the caller's zones; 409 NOT_CURRENT for a " +
      'report received, rejected or superseded; 409 ALREADY_RETURNED for one returned and not yet amended.',
  })
  @HttpCode(200)
  @ApiOkResponse({ description: 'The report as `GET /v1/reports/{id}` shows it, with `returned`.' })
  returnReport(@Param('id') id: string, @Body() body: ReturnReportDto, @CurrentPrincipal() p: Principal) {
    return this.returner.return(id, body, p);
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
