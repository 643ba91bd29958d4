import { applyDecorators, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { canAccessZone, Principal, readableZones } from '@app/access';
import { parsePeriod, PeriodError, PeriodSpec, periodRange, summaryJson } from '@app/domain';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { PERIOD_SCHEMA, QUARTER_SCHEMA } from '../common/field-schemas';
import { Problem } from '../common/problem';
import { asOfNow, summaryView } from './summary-view';
import { SummaryReader } from '@app/reporting';

/** `period=2025-Q3`, `period=2025` or `from=2025-Q1&to=2025-Q3`. */
export function periodFromQuery(q: { period?: string; from?: string; to?: string }): PeriodSpec {
  try {
    if (q.period !== undefined) return parsePeriod(q.period);
    if (q.from !== undefined || q.to !== undefined) return periodRange(q.from ?? '', q.to ?? '');
  } catch (e) {
    if (e instanceof PeriodError) throw Problem.field(422, e.field, e.code, e.message);
    throw e;
  }
  throw Problem.field(400, 'period', 'REQUIRED', 'give period=YYYY-Qn or YYYY, or from=YYYY-Qn&to=YYYY-Qn');
}

/** The query periodFromQuery reads, in the OpenAPI document. */
export function ApiPeriodQuery(): MethodDecorator {
  const query = (name: string, schema: typeof QUARTER_SCHEMA) =>
    ApiQuery({
      name,
      required: false,
      type: 'string',
      pattern: String(schema.pattern),
      example: schema.example,
      description: schema.description,
    });
  return applyDecorators(query('period', PERIOD_SCHEMA), query('from', QUARTER_SCHEMA), query('to', QUARTER_SCHEMA));
}

/** `by=ownership` splits every zone and total into its FDI and domestic blocks; nothing else is accepted. */
export function splitFromQuery(q: { by?: string }): boolean {
  if (q.by === undefined) return false;
  if (q.by === 'ownership') return true;
  throw Problem.field(422, 'by', 'NOT_ALLOWED', 'by must be one of: ownership');
}

export function ApiByQuery(
  description = 'ownership: every zone and total also carries `blocks: {foreign, domestic}`, the same figures over the reports ' +
    "of enterprises in each block at the end of the report's quarter (zone = foreign + domestic exactly)",
): MethodDecorator {
  return ApiQuery({ name: 'by', required: false, enum: ['ownership'], description });
}

@ApiTags('summaries')
@ApiBearerAuth()
@Controller('v1')
@Roles('admin', 'board')
export class SummariesController {
  constructor(private readonly reader: SummaryReader) {}

  /** Every zone in the caller's scope, with totals per zone kind and for all of them. */
  @Get('summaries')
  @ApiOperation({
    summary: 'Summaries by zone',
    description:
      'Admin, or a board (its zones). For `period` (a quarter or a year) or `from` and `to` (at most 40 ' +
      'quarters): every zone in scope with its figures, and totals per zone kind and for all. Money as strings ' +
      'of digits; a figure nobody reported is null. Derived from the zone-quarter sums the worker keeps, so an ' +
      'accepted report shows within seconds. `by=ownership` adds the FDI and domestic blocks of every zone and total: ' +
      "a block's figures are derived as the zone's are, its share of gross output is of the same base as its zone's " +
      "(a total's block: of that total), and it has no plan target.",
  })
  @ApiPeriodQuery()
  @ApiByQuery()
  async summaries(@Query() q: Record<string, string>, @CurrentPrincipal() p: Principal) {
    const period = periodFromQuery(q);
    return summaryView(await this.reader.summarize(period, readableZones(p), splitFromQuery(q)));
  }

  @Get('zones/:code/summary')
  @ApiOperation({
    summary: 'Summary of one zone',
    description:
      "One zone's figures over the period, as in GET /v1/summaries; its share is of all zones of its kind. 404 " +
      "outside the caller's zones.",
  })
  @ApiPeriodQuery()
  @ApiByQuery()
  async zoneSummary(@Param('code') code: string, @Query() q: Record<string, string>, @CurrentPrincipal() p: Principal) {
    const period = periodFromQuery(q);
    const split = splitFromQuery(q);
    if (!canAccessZone(p, code)) throw Problem.notFound(`No zone ${code} in your scope.`);
    const summary = summaryJson(await this.reader.summarize(period, [code], split));
    const zone = summary.zones[0];
    if (!zone) throw Problem.notFound(`No zone ${code}.`);
    return { period: summary.period, quarters: summary.quarters, ...zone, asOf: asOfNow() };
  }
}
