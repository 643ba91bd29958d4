import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/access';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { PageQuery } from '../common/pagination';
import { CreateZoneDto, PutZoneLandDto, UpdateZoneDto } from './dto/zone.dto';
import { zoneLandView, zoneView } from './registry-views';
import { registryDayParam } from './registry-checks';
import { pageView } from './zone-scoped-page';
import { ZonesService } from './zones.service';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/zones')
@Roles('admin', 'board')
export class ZonesController {
  constructor(private readonly zones: ZonesService) {}

  @Post()
  @ApiOperation({
    summary: 'Register a zone',
    description:
      'Admin. 201 with the zone; 409 DUPLICATE when the code exists. `wageRegion` (1 to 4) sets the regional ' +
      'minimum wage its enterprises are held to.',
  })
  @Roles('admin')
  async create(@Body() body: CreateZoneDto, @CurrentPrincipal() p: Principal) {
    return zoneView(await this.zones.create(body, p));
  }

  @Get()
  @ApiOperation({
    summary: 'List zones',
    description: 'Admin, or a board (its zones only). Ordered by code, paginated with `limit` and `cursor`.',
  })
  async list(@Query() q: PageQuery, @CurrentPrincipal() p: Principal) {
    return pageView(await this.zones.list(q, p), zoneView);
  }

  @Get(':code')
  @ApiOperation({ summary: 'Read a zone', description: 'Admin, or a board; a zone outside its zones is answered 404, as an unknown one.' })
  async get(@Param('code') code: string, @CurrentPrincipal() p: Principal) {
    return zoneView(await this.zones.get(code, p));
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
    return zoneView(await this.zones.update(code, body, p));
  }

  @Put(':code/land/:effectiveFrom')
  @ApiOperation({
    summary: "Set a zone's leasable land from a day",
    description:
      'Admin. The leasable industrial land (ha) from `effectiveFrom` (YYYY-MM-DD) until the next entry: land added in ' +
      'the middle of a year is a new entry, and a figure as of a day reads the entry in force then. Setting the ' +
      'same day again replaces it. 404 for an unknown zone; 422 naming `effectiveFrom` or `leasableHa`.',
  })
  @Roles('admin')
  async putLand(
    @Param('code') code: string,
    @Param('effectiveFrom') effectiveFrom: string,
    @Body() body: PutZoneLandDto,
    @CurrentPrincipal() p: Principal,
  ) {
    return zoneLandView(await this.zones.setLand(code, registryDayParam(effectiveFrom, 'effectiveFrom'), body.leasableHa, p));
  }

  @Get(':code/land')
  @ApiOperation({
    summary: "A zone's leasable land",
    description: 'Admin, or a board in its zones (404 otherwise): every entry, oldest first, `{items: [{effectiveFrom, leasableHa}]}`.',
  })
  async land(@Param('code') code: string, @CurrentPrincipal() p: Principal) {
    return { items: (await this.zones.landHistory(code, p)).map(zoneLandView) };
  }
}
