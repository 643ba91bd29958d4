import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/access';
import { CurrentPrincipal } from '../auth/access.decorators';
import { Problem } from '../common/problem';
import { EnterpriseZones } from '../registry/enterprise-zones.service';
import { ListReportsQuery } from './dto/list-reports.query';
import { SubmitReportDto } from './dto/submit-report.dto';
import { filingScopeError, paperReceiptError } from './filing-scope';
import { ReportIntake } from './report-intake.service';
import { ReportReader } from './report-reader.service';
import { normalizeReport } from './submission';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly intake: ReportIntake,
    private readonly reader: ReportReader,
    private readonly enterpriseZones: EnterpriseZones,
  ) {}

  /** Stored at once and answered 202; the worker's verdict follows within seconds (GET the report). */
  @Post()
  @ApiOperation({
    summary: 'File a quarterly report',
    description:
      'An enterprise for its own tax code, a board for enterprises of its zones (403 OUT_OF_SCOPE otherwise), ' +
      'an admin for any. Shape, types and limits are checked at once (400/422 listing every bad field); the ' +
      'report is stored and answered 202 `received`; the worker then accepts or rejects it (GET it). The same ' +
      '`Idempotency-Key` with the same body returns the first answer; with another body, 409.',
  })
  @HttpCode(202)
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'retry safely: the same key and body return the first answer; another body gets 409',
  })
  @ApiResponse({ status: 202, description: 'received' })
  async submit(@Body() body: SubmitReportDto, @CurrentPrincipal() p: Principal, @Headers('idempotency-key') idempotencyKey?: string) {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw Problem.field(400, 'Idempotency-Key', 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
    }
    const paperError = body.receivedAt === undefined ? null : paperReceiptError(body.receivedAt, p);
    if (paperError) throw Problem.field(422, paperError.field, paperError.code, paperError.message);
    const zoneCode = await this.zoneForFiling(body.taxCode, p);
    const { receipt } = await this.intake.submit(normalizeReport(body), p, { source: 'api', idempotencyKey, zoneCode });
    return receipt;
  }

  @Get()
  @ApiOperation({
    summary: 'List reports',
    description:
      "Every revision in the caller's scope, newest received first, filtered by `taxCode`, `zone`, `period` and " +
      '`status`; paginated with `limit` and `cursor`.',
  })
  list(@Query() q: ListReportsQuery, @CurrentPrincipal() p: Principal) {
    return this.reader.list(q, p);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read a report',
    description:
      'The revision with its status (received, accepted, rejected, superseded), revision number, lateness, ' +
      "issues and figures as submitted, and the board's review (an enterprise sees only the message meant for " +
      "it). 404 outside the caller's scope, as for an unknown id.",
  })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.reader.get(id, p);
  }

  /** Enterprises file for their own tax code; boards for enterprises of their zones. */
  private async zoneForFiling(taxCode: string, p: Principal): Promise<string | null> {
    const zoneCode = await this.enterpriseZones.zoneOf(taxCode);
    const scopeError = filingScopeError(taxCode, zoneCode, p);
    if (scopeError) throw Problem.field(403, scopeError.field, scopeError.code, scopeError.message);
    return zoneCode;
  }
}
