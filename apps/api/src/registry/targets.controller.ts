import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Repository } from 'typeorm';
import { canAccessZone, Principal, seesAllZones } from '@app/access';
import { recordAudit, ZoneTarget } from '@app/database';
import { isReportingYear, QUARTER_RANGE } from '@app/domain';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { PutTargetDto } from './dto/target.dto';
import { ZoneFilterQuery } from './dto/registry-query.dto';
import { assertZoneInScope } from './registry-checks';
import { RegistryLookups } from './registry-lookups.service';
import { targetView } from './registry-views';

const yearPipe = new ParseIntPipe({ exceptionFactory: () => Problem.field(422, 'year', 'OUT_OF_RANGE', 'year must be a whole number') });

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/targets')
@Roles('admin', 'board')
export class TargetsController {
  constructor(
    @InjectRepository(ZoneTarget) private readonly targets: Repository<ZoneTarget>,
    private readonly lookups: RegistryLookups,
  ) {}

  /** The board's annual target for a zone at 2010 prices; setting it again replaces it. */
  @Put(':zoneCode/:year')
  @ApiOperation({
    summary: "Set a zone's annual target",
    description:
      'Admin, or a board in its zones. The gross output the zone should reach in the year at 2010 prices ' +
      '(đồng); summaries show progress against it. Setting it again replaces it.',
  })
  async put(@Param('zoneCode') zoneCode: string, @Param('year', yearPipe) year: number, @Body() body: PutTargetDto, @CurrentPrincipal() p: Principal) {
    if (!isReportingYear(year)) throw Problem.field(422, 'year', 'OUT_OF_RANGE', `year must be a reporting year, ${QUARTER_RANGE.first.year} to ${QUARTER_RANGE.last.year}`);
    assertZoneInScope(p, zoneCode);
    await this.lookups.assertZoneExists(zoneCode);
    await this.targets.upsert({ zoneCode, year, grossOutputConstant2010: String(body.grossOutputConstant2010) }, ['zoneCode', 'year']);
    await recordAudit(this.targets.manager, byPrincipal(p, { action: 'target.set', entity: 'target', entityId: `${zoneCode}/${year}`, details: { grossOutputConstant2010: String(body.grossOutputConstant2010) } }));
    return targetView(await this.targets.findOneByOrFail({ zoneCode, year }));
  }

  @Get()
  @ApiOperation({
    summary: 'List targets',
    description:
      "Every target of the caller's zones (`zone` narrows to one), by zone and year; one page (`nextCursor` is " +
      'always null).',
  })
  async list(@Query() q: ZoneFilterQuery, @CurrentPrincipal() p: Principal) {
    if (q.zone && !canAccessZone(p, q.zone)) return { items: [], nextCursor: null };
    const qb = this.targets.createQueryBuilder('t').orderBy('t.zone_code').addOrderBy('t.year');
    if (q.zone) qb.andWhere('t.zone_code = :zone', { zone: q.zone });
    if (!seesAllZones(p)) qb.andWhere('t.zone_code = ANY(:zones)', { zones: p.zoneCodes ?? [] });
    return { items: (await qb.getMany()).map(targetView), nextCursor: null };
  }
}
