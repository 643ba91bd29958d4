import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { And, In, MoreThan, Repository } from 'typeorm';
import { canAccessZone, Principal, seesAllZones } from '@app/access';
import { recordAudit, Zone } from '@app/database';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { byPrincipal } from '../audit/audit';
import { decodeCursor, PageQuery, pageLimit, toPage } from '../common/pagination';
import { Problem } from '../common/problem';
import { CreateZoneDto, UpdateZoneDto } from './dto/zone.dto';
import { isUniqueViolation } from './registry-checks';
import { zoneView } from './registry-views';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/zones')
@Roles('admin', 'board')
export class ZonesController {
  constructor(@InjectRepository(Zone) private readonly zones: Repository<Zone>) {}

  @Post()
  @ApiOperation({
    summary: 'Register a zone',
    description:
      'Admin. 201 with the zone; 409 DUPLICATE when the code exists. `wageRegion` (1 to 4) sets the regional ' +
      'minimum wage its enterprises are held to.',
  })
  @Roles('admin')
  async create(@Body() body: CreateZoneDto, @CurrentPrincipal() p: Principal) {
    if (await this.zones.existsBy({ code: body.code })) throw Problem.field(409, 'code', 'DUPLICATE', `zone ${body.code} already exists`);
    try {
      const zone = await this.zones.save(this.zones.create({ ...body, areaHa: body.areaHa?.toString() ?? null }));
      await recordAudit(this.zones.manager, byPrincipal(p, { action: 'zone.create', entity: 'zone', entityId: zone.code, details: { ...body } }));
      return zoneView(zone);
    } catch (e) {
      if (isUniqueViolation(e)) throw Problem.field(409, 'code', 'DUPLICATE', `zone ${body.code} already exists`);
      throw e;
    }
  }

  @Get()
  @ApiOperation({
    summary: 'List zones',
    description:
      'Admin, or a board (its zones only). Ordered by code, paginated with `limit` and `cursor`.',
  })
  async list(@Query() q: PageQuery, @CurrentPrincipal() p: Principal) {
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor, ['text']);
    const conditions = [
      ...(after ? [MoreThan(String(after[0]))] : []),
      ...(seesAllZones(p) ? [] : [In([...(p.zoneCodes ?? [])])]),
    ];
    const rows = await this.zones.find({
      where: conditions.length > 0 ? { code: And(...conditions) } : {},
      order: { code: 'ASC' },
      take: limit + 1,
    });
    return toPage(rows, limit, zoneView, (z) => [z.code]);
  }

  @Get(':code')
  @ApiOperation({ summary: 'Read a zone', description: 'Admin, or a board; a zone outside its zones is answered 404, as an unknown one.' })
  async get(@Param('code') code: string, @CurrentPrincipal() p: Principal) {
    const zone = canAccessZone(p, code) ? await this.zones.findOneBy({ code }) : null;
    if (!zone) throw Problem.notFound(`No zone ${code} in your scope.`);
    return zoneView(zone);
  }

  @Patch(':code')
  @ApiOperation({
    summary: 'Change a zone',
    description:
      'Admin. Fields left out keep their value; `areaHa` may be cleared with null, the others not (422 ' +
      'NOT_NULLABLE). A code never changes (422 IMMUTABLE).',
  })
  @Roles('admin')
  async update(@Param('code') code: string, @Body() body: UpdateZoneDto, @CurrentPrincipal() p: Principal) {
    const zone = await this.zones.findOneBy({ code });
    if (!zone) throw Problem.notFound(`No zone ${code}.`);
    if (body.code !== undefined && body.code !== code) throw Problem.field(422, 'code', 'IMMUTABLE', 'a zone code cannot change');
    const { areaHa, ...rest } = body;
    Object.assign(zone, rest, areaHa === undefined ? {} : { areaHa: areaHa?.toString() ?? null });
    const saved = await this.zones.save(zone);
    await recordAudit(this.zones.manager, byPrincipal(p, { action: 'zone.update', entity: 'zone', entityId: code, details: { ...body } }));
    return zoneView(saved);
  }
}
