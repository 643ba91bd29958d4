import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PassThrough } from 'node:stream';
import { Principal, readableZones } from '@app/access';
import { formatQuarter, PeriodSpec, periodEnd } from '@app/domain';
import { summaryWorkbookFileName, WORKBOOK_LANGUAGES, WorkbookLanguage, writeSummaryWorkbook, XLSX_MEDIA_TYPE } from '@app/excel';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { FollowUp, FollowUpReader } from '../follow-ups/follow-ups.service';
import { ApiPeriodQuery, periodFromQuery } from './summaries.controller';
import { FilingStatusReader, SummaryReader } from '@app/reporting';
import { summaryView } from './summary-view';

const FOLLOW_UP_PAGE = 500;

function workbookLanguage(lang: string | undefined): WorkbookLanguage {
  if (lang === undefined) return 'vi';
  if ((WORKBOOK_LANGUAGES as readonly string[]).includes(lang)) return lang as WorkbookLanguage;
  throw Problem.field(422, 'lang', 'INVALID_LANGUAGE', `lang must be one of ${WORKBOOK_LANGUAGES.join(', ')}`);
}

@ApiTags('summaries')
@ApiBearerAuth()
@Controller('v1')
@Roles('admin', 'board')
export class SummariesWorkbookController {
  constructor(
    private readonly summaries: SummaryReader,
    private readonly filing: FilingStatusReader,
    private readonly followUps: FollowUpReader,
  ) {}

  /**
   * `GET /v1/summaries` as a workbook a board can forward as is, with the filing status of the
   * period's last quarter and the warnings of the period not yet reviewed, streamed as it is written.
   */
  @Get('summaries.xlsx')
  @ApiOperation({
    summary: 'Summaries as a workbook',
    description:
      "GET /v1/summaries as the board's workbook: the zone table and totals, the filing status of the last " +
      'quarter of the period, the warnings not yet reviewed, notes; Vietnamese (`lang=vi`, the default) or ' +
      'English (`lang=en`). Streamed as it is written.',
  })
  @ApiPeriodQuery()
  @ApiQuery({ name: 'lang', required: false, enum: WORKBOOK_LANGUAGES, description: 'vi (default): Vietnamese with an English header row; en: English' })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'the workbook, as an attachment named after the period' })
  async workbook(@Query() q: Record<string, string>, @CurrentPrincipal() p: Principal): Promise<StreamableFile> {
    const period = periodFromQuery(q);
    const language = workbookLanguage(q.lang);
    const zoneCodes = readableZones(p);
    // Read before the first byte is sent, so that a failure here is answered with problem details.
    const [summary, filingStatus] = await Promise.all([
      this.summaries.summarize(period, zoneCodes),
      this.filing.read(formatQuarter(periodEnd(period)), zoneCodes),
    ]);
    const output = new PassThrough();
    const followUps = this.pendingFollowUps(period, zoneCodes);
    // A failure once streaming has begun can only cut the response short, which StreamableFile does.
    writeSummaryWorkbook(output, { summary: summaryView(summary), filingStatus, followUps, language }).catch((error: Error) => output.destroy(error));
    return new StreamableFile(output, { type: XLSX_MEDIA_TYPE, disposition: `attachment; filename="${summaryWorkbookFileName(summary.period)}"` });
  }

  /** Warnings not yet reviewed in each quarter of the period, a page at a time as the sheet asks for them. */
  private async *pendingFollowUps(period: PeriodSpec, zoneCodes: readonly string[] | null): AsyncIterable<FollowUp> {
    for (const quarter of period.quarters) {
      let cursor: string | undefined;
      do {
        const page = await this.followUps.list({ period: formatQuarter(quarter), reviewed: false }, zoneCodes, { limit: FOLLOW_UP_PAGE, cursor });
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    }
  }
}
