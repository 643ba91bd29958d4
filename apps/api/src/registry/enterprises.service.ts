import { Injectable } from '@nestjs/common';
import { canAccessZone, Principal } from '@app/access';
import { Enterprise, EnterprisesRepository, recordAudit, Transactions } from '@app/database';
import { byPrincipal } from '../audit/audit';
import { Page } from '../common/pagination';
import { applyPatch } from '../common/patch-type';
import { Problem } from '../common/problem';
import { CreateEnterpriseDto, UpdateEnterpriseDto } from './dto/enterprise.dto';
import { ZoneFilterQuery } from './dto/registry-query.dto';
import { EnterpriseZones } from './enterprise-zones.service';
import { assertDateOrder, assertZoneInScope } from './registry-checks';
import { RegistryLookups } from './registry-lookups.service';
import { zoneScopedPage } from './zone-scoped-page';

const notFound = (taxCode: string) => Problem.notFound(`No enterprise ${taxCode} in your scope.`);

/** The enterprises of the registry: boards keep those of their zones, each change audited in its transaction. */
@Injectable()
export class EnterprisesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly enterprises: EnterprisesRepository,
    private readonly lookups: RegistryLookups,
    private readonly enterpriseZones: EnterpriseZones,
  ) {}

  async create(body: CreateEnterpriseDto, p: Principal): Promise<Enterprise> {
    assertZoneInScope(p, body.zoneCode);
    await this.lookups.assertZoneExists(body.zoneCode);
    assertDateOrder(body.operatingFrom, body.operatingUntil, 'operatingUntil');
    const created = await this.transactions.run(async (tx) => {
      const enterprise = await this.enterprises.insert({
        ...body, vsicSection: body.vsicSection ?? null, operatingUntil: body.operatingUntil ?? null, contactEmail: body.contactEmail ?? null,
      }, tx);
      if (!enterprise) throw Problem.field(409, 'taxCode', 'DUPLICATE', `an enterprise with tax code ${body.taxCode} already exists`);
      await recordAudit(tx, byPrincipal(p, { action: 'enterprise.create', entity: 'enterprise', entityId: enterprise.taxCode, details: { ...body } }));
      return enterprise;
    });
    this.enterpriseZones.remember(created.taxCode, created.zoneCode);
    return created;
  }

  list(q: ZoneFilterQuery, p: Principal): Promise<Page<Enterprise>> {
    return zoneScopedPage((page) => this.enterprises.page(page), (e) => e.taxCode, q, p);
  }

  async get(taxCode: string, p: Principal): Promise<Enterprise> {
    const enterprise = await this.enterprises.find(taxCode);
    if (!enterprise || !canAccessZone(p, enterprise.zoneCode)) throw notFound(taxCode);
    return enterprise;
  }

  async update(taxCode: string, body: UpdateEnterpriseDto, p: Principal): Promise<Enterprise> {
    const saved = await this.transactions.run(async (tx) => {
      const enterprise = await this.enterprises.findForUpdate(taxCode, tx);
      if (!enterprise || !canAccessZone(p, enterprise.zoneCode)) throw notFound(taxCode);
      if (body.zoneCode !== undefined && body.zoneCode !== enterprise.zoneCode) {
        assertZoneInScope(p, body.zoneCode);
        await this.lookups.assertZoneExists(body.zoneCode);
      }
      const changed = applyPatch(enterprise, { ...body, taxCode });
      assertDateOrder(changed.operatingFrom, changed.operatingUntil, 'operatingUntil');
      const updated = await this.enterprises.update(changed, tx);
      await recordAudit(tx, byPrincipal(p, { action: 'enterprise.update', entity: 'enterprise', entityId: taxCode, details: { ...body } }));
      return updated;
    });
    this.enterpriseZones.remember(saved.taxCode, saved.zoneCode);
    return saved;
  }
}
