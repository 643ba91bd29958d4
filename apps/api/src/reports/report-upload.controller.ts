import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Principal } from '@app/access';
import { Settings } from '@app/config';
import { CurrentPrincipal } from '../auth/access.decorators';
import { MULTIPART_UPLOAD, uploadedFile } from '../common/multipart-uploads';
import { UploadReportQuery } from './dto/upload-report.query';
import { ReportUploads, UploadResult } from './report-upload.service';
import { UploadBatches } from './upload-batches.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportUploadController {
  constructor(
    private readonly uploads: ReportUploads,
    private readonly batches: UploadBatches,
    private readonly settings: Settings,
  ) {}

  /**
   * Reports filled in the template (.xlsx) or a CSV file with its two header rows (UTF-8, comma or
   * semicolon). Each valid row is stored as a report (source excel) and decided by the worker like a
   * JSON report; each invalid row is answered with its errors by cell. 202, or 200 for a dry run.
   */
  @Post('upload')
  @ApiOperation({
    summary: 'Upload reports in a file',
    description:
      'Any token; multipart field `file`: the template (.xlsx) or a CSV with its two header rows. Each valid ' +
      'row is stored as a report (source `excel`) and decided by the worker as a JSON one; each invalid row is ' +
      'answered with its errors by cell. `atomic=true` stores nothing unless every row is valid; `dryRun=true` ' +
      'checks and stores nothing.',
  })
  @HttpCode(202)
  @RouteConfig(MULTIPART_UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: '.xlsx or .csv' } },
    },
  })
  @ApiResponse({
    status: 202,
    description:
      '{batchId, dryRun, format, rows: [{row, status: "received", id, taxCode, period} | ' +
      '{row, status: "invalid", errors: [{cell, field, code, message}]}], ignoredColumns}',
  })
  @ApiResponse({ status: 200, description: 'dry run: the same with batchId null and status "valid" instead of "received"; nothing stored' })
  @ApiResponse({ status: 413, description: 'file, inflated workbook, sheet or row count over the limits' })
  @ApiResponse({ status: 415, description: 'not an .xlsx workbook nor a UTF-8 CSV file (judged by content)' })
  @ApiResponse({
    status: 422,
    description:
      'no field-path row, a required column missing, no rows; or, with atomic=true, any invalid row ' +
      '(every bad cell listed, nothing stored)',
  })
  @ApiResponse({
    status: 503,
    description: 'too many files being read at once (UPLOAD_CONCURRENCY); Retry-After says when to send it again',
  })
  async upload(
    @Query() q: UploadReportQuery,
    @CurrentPrincipal() p: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UploadResult> {
    // The file is read only once its turn comes: until then it waits in the connection, not in memory.
    const result = await this.uploads.inTurn(async () => {
      const file = await uploadedFile(request, this.settings.UPLOAD_LIMIT_BYTES);
      return this.uploads.upload(file, { atomic: q.atomic === 'true', dryRun: q.dryRun === 'true' }, p);
    });
    // A dry run creates nothing to accept later: it is answered as a plain success.
    if (result.dryRun) void reply.status(200);
    return result;
  }

  /**
   * Each row of an upload with its status once processed: received, then accepted, rejected or superseded (with issues);
   * invalid rows with their errors.
   */
  @Get('uploads/:batchId')
  @ApiOperation({
    summary: 'Follow an upload',
    description:
      'Each row of a stored upload with its status as the worker decides (`processed` once none is still ' +
      'received), and the invalid rows with their errors. Readable by the uploader and by anyone whose scope ' +
      "covers the uploader's; 404 otherwise.",
  })
  @ApiResponse({
    status: 200,
    description:
      '{batchId, uploadedAt, fileName, format, atomic, processed, counts, ' +
      'rows: [{row, status, id, taxCode, period, revision, issues} | {row, status: "invalid", errors}]}',
  })
  batch(@Param('batchId') batchId: string, @CurrentPrincipal() p: Principal) {
    return this.batches.view(batchId, p);
  }
}
