import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
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
  @HttpCode(202)
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'retry safely: the same key and body return the first answer; another body gets 409' })
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
  list(@Query() q: ListReportsQuery, @CurrentPrincipal() p: Principal) {
    return this.reader.list(q, p);
  }

  @Get(':id')
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
