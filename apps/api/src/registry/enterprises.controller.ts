import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({
    summary: 'Register an enterprise',
    description:
      'Admin, or a board in its zones (403 OUT_OF_SCOPE for another zone; 422 UNKNOWN_ZONE for a zone not ' +
      'registered). 409 DUPLICATE when the tax code exists. The enterprise is expected to file every quarter ' +
      'its operating interval (`operatingFrom` to `operatingUntil`, inclusive) meets.',
  })
  async create(@Body() body: CreateEnterpriseDto, @CurrentPrincipal() p: Principal) {
    return enterpriseView(await this.enterprises.create(body, p));
  }

  @Get()
  @ApiOperation({
    summary: 'List enterprises',
    description: "The caller's zones (`zone` narrows to one), ordered by tax code, paginated with `limit` and `cursor`.",
  })
  async list(@Query() q: ZoneFilterQuery, @CurrentPrincipal() p: Principal) {
    return pageView(await this.enterprises.list(q, p), enterpriseView);
  }

  @Get(':taxCode')
  @ApiOperation({
    summary: 'Read an enterprise',
    description: 'Admin, or a board; an enterprise outside its zones is answered 404, as an unknown one.',
  })
  async get(@Param('taxCode') taxCode: string, @CurrentPrincipal() p: Principal) {
    return enterpriseView(await this.enterprises.get(taxCode, p));
  }

  @Patch(':taxCode')
  @ApiOperation({
    summary: 'Change an enterprise',
    description:
      'Fields left out keep their value; `vsicSection`, `operatingUntil` and `contactEmail` may be cleared with ' +
      'null. Moving it to another zone needs both zones in scope. Reports already decided keep the zone they ' +
      'were counted in. A change of block (FDI or domestic) is dated: `ownership` with `ownershipFrom` puts the ' +
      'enterprise in that block from that day (422 REQUIRES_OWNERSHIP for `ownershipFrom` alone); `ownership` ' +
      "alone, other than today's block, corrects the block since registration. A report counts in the block of " +
      "the last day of its quarter, reports already counted included. Answers show `ownership` (today's) and " +
      '`ownershipHistory` ([{ownership, from}], from null: since registration).',
  })
  async update(@Param('taxCode') taxCode: string, @Body() body: UpdateEnterpriseDto, @CurrentPrincipal() p: Principal) {
    return enterpriseView(await this.enterprises.update(taxCode, body, p));
  }
}
