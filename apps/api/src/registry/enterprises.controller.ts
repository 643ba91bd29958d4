import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Repository } from 'typeorm';
import { canAccessZone, Principal } from '@app/access';
import { Enterprise, recordAudit } from '@app/database';
import { CurrentPrincipal, Roles } from '../auth/access.decorators';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { CreateEnterpriseDto, UpdateEnterpriseDto } from './dto/enterprise.dto';
import { ZoneFilterQuery } from './dto/registry-query.dto';
import { zoneScopedPage } from './zone-scoped-page';
import { EnterpriseZones } from './enterprise-zones.service';
import { RegistryLookups } from './registry-lookups.service';
import { assertDateOrder, assertZoneInScope, isUniqueViolation } from './registry-checks';
import { enterpriseView } from './registry-views';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/enterprises')
@Roles('admin', 'board')
export class EnterprisesController {
  constructor(
    @InjectRepository(Enterprise) private readonly enterprises: Repository<Enterprise>,
    private readonly lookups: RegistryLookups,
    private readonly enterpriseZones: EnterpriseZones,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register an enterprise',
    description:
      'Admin, or a board in its zones (403 OUT_OF_SCOPE for another zone; 422 UNKNOWN_ZONE for a zone not ' +
      'registered). 409 DUPLICATE when the tax code exists. The enterprise is expected to file every quarter ' +
      'its operating interval (`operatingFrom` to `operatingUntil`, inclusive) meets.',
  })
  async create(@Body() body: CreateEnterpriseDto, @CurrentPrincipal() p: Principal) {
    assertZoneInScope(p, body.zoneCode);
    await this.lookups.assertZoneExists(body.zoneCode);
    assertDateOrder(body.operatingFrom, body.operatingUntil, 'operatingUntil');
    const duplicate = () => Problem.field(409, 'taxCode', 'DUPLICATE', `an enterprise with tax code ${body.taxCode} already exists`);
    if (await this.enterprises.existsBy({ taxCode: body.taxCode })) throw duplicate();
    try {
      const saved = await this.enterprises.save(this.enterprises.create({
        ...body, vsicSection: body.vsicSection ?? null, operatingUntil: body.operatingUntil ?? null, contactEmail: body.contactEmail ?? null,
      }));
      this.enterpriseZones.remember(saved.taxCode, saved.zoneCode);
      await recordAudit(this.enterprises.manager, byPrincipal(p, { action: 'enterprise.create', entity: 'enterprise', entityId: saved.taxCode, details: { ...body } }));
      return enterpriseView(saved);
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicate();
      throw e;
    }
  }

  @Get()
  @ApiOperation({
    summary: 'List enterprises',
    description:
      "The caller's zones (`zone` narrows to one), ordered by tax code, paginated with `limit` and `cursor`.",
  })
  list(@Query() q: ZoneFilterQuery, @CurrentPrincipal() p: Principal) {
    return zoneScopedPage(this.enterprises, 'tax_code', (e) => e.taxCode, enterpriseView, q, p);
  }

  @Get(':taxCode')
  @ApiOperation({
    summary: 'Read an enterprise',
    description:
      'Admin, or a board; an enterprise outside its zones is answered 404, as an unknown one.',
  })
  async get(@Param('taxCode') taxCode: string, @CurrentPrincipal() p: Principal) {
    return enterpriseView(await this.findInScope(taxCode, p));
  }

  @Patch(':taxCode')
  @ApiOperation({
    summary: 'Change an enterprise',
    description:
      'Fields left out keep their value; `vsicSection`, `operatingUntil` and `contactEmail` may be cleared with ' +
      'null. Moving it to another zone needs both zones in scope. Reports already decided keep the zone they ' +
      'were counted in.',
  })
  async update(@Param('taxCode') taxCode: string, @Body() body: UpdateEnterpriseDto, @CurrentPrincipal() p: Principal) {
    const enterprise = await this.findInScope(taxCode, p);
    if (body.zoneCode !== undefined && body.zoneCode !== enterprise.zoneCode) {
      assertZoneInScope(p, body.zoneCode);
      await this.lookups.assertZoneExists(body.zoneCode);
    }
    Object.assign(enterprise, body);
    assertDateOrder(enterprise.operatingFrom, enterprise.operatingUntil, 'operatingUntil');
    const saved = await this.enterprises.save(enterprise);
    this.enterpriseZones.remember(saved.taxCode, saved.zoneCode);
    await recordAudit(this.enterprises.manager, byPrincipal(p, { action: 'enterprise.update', entity: 'enterprise', entityId: taxCode, details: { ...body } }));
    return enterpriseView(saved);
  }

  private async findInScope(taxCode: string, p: Principal): Promise<Enterprise> {
    const enterprise = await this.enterprises.findOneBy({ taxCode });
    if (!enterprise || !canAccessZone(p, enterprise.zoneCode)) throw Problem.notFound(`No enterprise ${taxCode} in your scope.`);
    return enterprise;
  }
}
