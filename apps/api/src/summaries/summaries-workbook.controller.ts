import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Principal, readableZones } from '@app/access';
import { WORKBOOK_LANGUAGES, WorkbookLanguage, XLSX_MEDIA_TYPE } from '@app/excel';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { ApiPeriodQuery, periodFromQuery } from './summaries.controller';
import { SummaryWorkbooks } from './summary-workbooks.service';

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
  constructor(private readonly workbooks: SummaryWorkbooks) {}

  /**
   * `GET /v1/summaries` as a workbook a board can forward as is, with the filing status of the
   * period's last quarter and the warnings of the period not yet reviewed, streamed as it is written.
   */
  @Get('summaries.xlsx')
  @ApiOperation({
    summary: 'Summaries as a workbook',
    description:
      "GET /v1/summaries as the board's workbook: the zone table and totals, the same split into FDI and domestic " +
      'blocks (sheet "Khối FDI và trong nước", as `by=ownership`), the filing status of the last ' +
      'quarter of the period, the warnings not yet reviewed, notes; Vietnamese (`lang=vi`, the default) or ' +
      'English (`lang=en`). Streamed as it is written.',
  })
  @ApiPeriodQuery()
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: WORKBOOK_LANGUAGES,
    description: 'vi (default): Vietnamese with an English header row; en: English',
  })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'the workbook, as an attachment named after the period' })
  async workbook(@Query() q: Record<string, string>, @CurrentPrincipal() p: Principal): Promise<StreamableFile> {
    return this.workbooks.open(periodFromQuery(q), workbookLanguage(q.lang), readableZones(p));
  }
}
