import { Injectable } from '@nestjs/common';
import { Principal } from '@app/access';
import { Enterprise, EnterpriseFields, EnterprisesRepository, Transactions } from '@app/database';
import { applyPatch } from '../common/patch-type';
import { Problem } from '../common/problem';
import { CreateEnterpriseDto, UpdateEnterpriseDto } from './dto/enterprise.dto';
import { EnterpriseZones } from './enterprise-zones.service';
import { assertDateOrder, assertZoneInScope } from './registry-checks';
import { RegistryLookups } from './registry-lookups.service';
import { RegistryService } from './registry.service';

/** The enterprises of the registry: boards keep those of their zones. */
@Injectable()
export class EnterprisesService extends RegistryService<EnterpriseFields, Enterprise> {
  constructor(
    transactions: Transactions,
    enterprises: EnterprisesRepository,
    private readonly lookups: RegistryLookups,
    private readonly enterpriseZones: EnterpriseZones,
  ) {
    super(transactions, enterprises, {
      name: 'enterprise',
      key: (e) => e.taxCode,
      zoneOf: (e) => e.zoneCode,
      notFound: (taxCode) => Problem.notFound(`No enterprise ${taxCode} in your scope.`),
      duplicate: (taxCode) => Problem.field(409, 'taxCode', 'DUPLICATE', `an enterprise with tax code ${taxCode} already exists`),
    });
  }

  async create(body: CreateEnterpriseDto, p: Principal): Promise<Enterprise> {
    assertZoneInScope(p, body.zoneCode);
    await this.lookups.assertZoneExists(body.zoneCode);
    assertDateOrder(body.operatingFrom, body.operatingUntil, 'operatingUntil');
    const fields = {
      ...body,
      vsicSection: body.vsicSection ?? null,
      operatingUntil: body.operatingUntil ?? null,
      contactEmail: body.contactEmail ?? null,
    };
    return this.remembered(await this.insertAudited(fields, body.taxCode, body, p));
  }

  async update(taxCode: string, body: UpdateEnterpriseDto, p: Principal): Promise<Enterprise> {
    return this.remembered(
      await this.transactions.run(async (tx) => {
        const enterprise = await this.lockedInScope(taxCode, p, tx);
        if (body.zoneCode !== undefined && body.zoneCode !== enterprise.zoneCode) {
          assertZoneInScope(p, body.zoneCode);
          await this.lookups.assertZoneExists(body.zoneCode);
        }
        const changed = applyPatch(enterprise, { ...body, taxCode });
        assertDateOrder(changed.operatingFrom, changed.operatingUntil, 'operatingUntil');
        return this.updateAudited(changed, taxCode, body, p, tx);
      }),
    );
  }

  /** Once committed, this process's intake sees the enterprise's zone at once. */
  private remembered(enterprise: Enterprise): Enterprise {
    this.enterpriseZones.remember(enterprise.taxCode, enterprise.zoneCode);
    return enterprise;
  }
}
