import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Principal } from '@app/access';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { CreateEnterpriseDto, UpdateEnterpriseDto } from './dto/enterprise.dto';
import { ZoneFilterQuery } from './dto/registry-query.dto';
import { EnterprisesService } from './enterprises.service';
import { enterpriseView } from './registry-views';
import { pageView } from './zone-scoped-page';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/enterprises')
@Roles('admin', 'board')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  async create(@Body() body: CreateEnterpriseDto, @CurrentPrincipal() p: Principal) {
    return enterpriseView(await this.enterprises.create(body, p));
  }

  @Get()
  async list(@Query() q: ZoneFilterQuery, @CurrentPrincipal() p: Principal) {
    return pageView(await this.enterprises.list(q, p), enterpriseView);
  }

  @Get(':taxCode')
  async get(@Param('taxCode') taxCode: string, @CurrentPrincipal() p: Principal) {
    return enterpriseView(await this.enterprises.get(taxCode, p));
  }

  @Patch(':taxCode')
  async update(@Param('taxCode') taxCode: string, @Body() body: UpdateEnterpriseDto, @CurrentPrincipal() p: Principal) {
    return enterpriseView(await this.enterprises.update(taxCode, body, p));
  }
}
