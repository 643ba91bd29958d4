import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/access';
import { addQuarters, formatQuarter, quarterOfInstant } from '@app/domain';
import { XLSX_MEDIA_TYPE } from '@app/excel';
import { CurrentPrincipal } from '../auth/access.decorators';
import { ReportTemplateQuery } from './dto/report-template.query';
import { reportTemplateFile } from './report-template-file';
import { ReportUploads } from './report-upload.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportTemplateController {
  constructor(private readonly uploads: ReportUploads) {}

  /**
   * The workbook to fill in and upload: sheet Reports (Vietnamese labels, field paths, one report per
   * row from row 3, validated cells with input help) and a guide sheet. An enterprise's copy comes with
   * its tax code and the period filled in; the board's has a column for paper forms' receipt stamps.
   */
  @Get('template.xlsx')
  @ApiOperation({
    summary: 'Download the report template',
    description:
      'Any token. Sheet `Reports`: labels in row 1, the JSON field paths in row 2, one report per row from row ' +
      "3, cells validated with input help; a guide sheet. An enterprise's copy is pre-filled with its tax code " +
      "and `period`; the board's has a column for paper forms' receipt stamps.",
  })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'the template workbook, as an attachment' })
  template(@Query() q: ReportTemplateQuery, @CurrentPrincipal() p: Principal): StreamableFile {
    // The quarter being filed: the current one has not ended yet, so the one before it.
    const period = q.period ?? formatQuarter(addQuarters(quarterOfInstant(new Date()), -1));
    return reportTemplateFile(p, period, this.uploads.maxRows);
  }
}
