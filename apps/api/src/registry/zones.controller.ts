import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/access';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { PageQuery } from '../common/pagination';
import { CreateZoneDto, UpdateZoneDto } from './dto/zone.dto';
import { zoneView } from './registry-views';
import { pageView } from './zone-scoped-page';
import { ZonesService } from './zones.service';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/zones')
@Roles('admin', 'board')
export class ZonesController {
  constructor(private readonly zones: ZonesService) {}

  @Post()
  @Roles('admin')
  async create(@Body() body: CreateZoneDto, @CurrentPrincipal() p: Principal) {
    return zoneView(await this.zones.create(body, p));
  }

  @Get()
  async list(@Query() q: PageQuery, @CurrentPrincipal() p: Principal) {
    return pageView(await this.zones.list(q, p), zoneView);
  }

  @Get(':code')
  async get(@Param('code') code: string, @CurrentPrincipal() p: Principal) {
    return zoneView(await this.zones.get(code, p));
  }

  @Patch(':code')
  @Roles('admin')
  async update(@Param('code') code: string, @Body() body: UpdateZoneDto, @CurrentPrincipal() p: Principal) {
    return zoneView(await this.zones.update(code, body, p));
  }
}
