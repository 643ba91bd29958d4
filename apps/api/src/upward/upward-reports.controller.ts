import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Principal, readableZones } from '@app/access';
import { XLSX_MEDIA_TYPE } from '@app/excel';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { UpwardReports } from './upward-reports.service';

@ApiTags('plan')
@ApiBearerAuth()
@Controller('v1/upward-reports')
@Roles('admin', 'board')
export class UpwardReportsController {
  constructor(private readonly reports: UpwardReports) {}

  @Get(':period.xlsx')
  @ApiOperation({
    summary: "The board's report to the ministry",
    description:
      'Admin, or a board (its zones only; zones outside its scope are never in it). A workbook in the statutory layout: ' +
      'the board as reporting unit, the recipient (setting UPWARD_REPORT_RECIPIENT), the period as people write it; ' +
      'per zone and in total (parks, clusters, all), each as a whole and as its FDI and domestic blocks: projects new in ' +
      'the period and operating at its end with their registered capital (đồng and USD), realised capital, gross output, ' +
      'revenue, exports, imports, budget paid, workers at the end (women, foreigners), leasable and leased land and ' +
      'occupancy on the last day, central wastewater treatment; units in the headers (money in millions of đồng, ' +
      'USD in thousands, rounded); the signature block. The figures are those of GET /v1/summaries?by=ownership for the ' +
      'same quarters, and occupancy that of GET /v1/plan as of the last day. 422 INVALID_PERIOD naming `period` otherwise.',
  })
  @ApiParam({
    name: 'period',
    description: 'a quarter YYYY-Qn, the first six months YYYY-H1, or a year YYYY',
    schema: { type: 'string', pattern: '^\\d{4}(-Q[1-4]|-H1)?$', example: '2025-H1' },
  })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'the workbook, as an attachment named after the period' })
  async workbook(@Param('period') period: string, @CurrentPrincipal() p: Principal) {
    return this.reports.open(period, readableZones(p));
  }
}
