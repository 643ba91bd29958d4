import { Injectable } from '@nestjs/common';
import { Principal } from '@app/access';
import {
  Enterprise,
  EnterpriseFields,
  EnterprisesRepository,
  ReportSubmissionsRepository,
  SqlSession,
  Transactions,
  ZoneQuarterSumsRepository,
} from '@app/database';
import { localDate, ownershipEdit } from '@app/domain';
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
    private readonly enterprises: EnterprisesRepository,
    private readonly lookups: RegistryLookups,
    private readonly enterpriseZones: EnterpriseZones,
    private readonly submissions: ReportSubmissionsRepository,
    private readonly sums: ZoneQuarterSumsRepository,
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
        const { ownershipFrom, ...fields } = body;
        if (ownershipFrom === null)
          throw Problem.field(422, 'ownershipFrom', 'NOT_NULLABLE', 'ownershipFrom may be left out but not set to null');
        if (ownershipFrom !== undefined && body.ownership === undefined) {
          throw Problem.field(
            422,
            'ownershipFrom',
            'REQUIRES_OWNERSHIP',
            'ownershipFrom dates a change of ownership: give ownership with it',
          );
        }
        // Read again now that the row is locked: a change of block committed meanwhile is then seen.
        const changes = (await this.enterprises.ownershipChangesOf([taxCode], tx)).get(taxCode) ?? [];
        const history = { initial: enterprise.ownership, changes };
        const edit = ownershipEdit(history, localDate(new Date()), body.ownership, ownershipFrom);
        const changed = applyPatch(enterprise, {
          ...fields,
          taxCode,
          ownership: edit.kind === 'registered' ? edit.ownership : enterprise.ownership,
        });
        assertDateOrder(changed.operatingFrom, changed.operatingUntil, 'operatingUntil');
        const updated = await this.updateAudited(changed, taxCode, body, p, tx);
        if (edit.kind === 'none') return { ...updated, ownershipChanges: changes };
        if (edit.kind === 'registered') await this.enterprises.clearOwnershipChanges(taxCode, tx);
        else await this.enterprises.recordOwnershipChange(taxCode, edit.change, tx);
        await this.reblock(taxCode, tx);
        return (await this.enterprises.find(taxCode, tx))!;
      }),
    );
  }

  /**
   * Reports already counted move to the block their enterprise now had at the end of their quarter: the
   * sums of the zones they are counted in are recomputed, in the change's transaction (the enterprise row
   * is locked, so none of its reports is being decided meanwhile).
   */
  private async reblock(taxCode: string, tx: SqlSession): Promise<void> {
    await this.sums.rebuildZones(await this.submissions.zonesCounted(taxCode, tx), tx);
  }

  /** Once committed, this process's intake sees the enterprise's zone at once. */
  private remembered(enterprise: Enterprise): Enterprise {
    this.enterpriseZones.remember(enterprise.taxCode, enterprise.zoneCode);
    return enterprise;
  }
}
