import { Injectable } from '@nestjs/common';
import { canAccessZone, Principal, seesAllZones } from '@app/access';
import { recordAudit, Transactions, ZoneTarget, ZoneTargetsRepository } from '@app/database';
import { isReportingYear, QUARTER_RANGE } from '@app/domain';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { assertZoneInScope } from './registry-checks';
import { RegistryLookups } from './registry-lookups.service';

/** The boards' annual targets for their zones at 2010 prices, each change audited in its transaction. */
@Injectable()
export class TargetsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly targets: ZoneTargetsRepository,
    private readonly lookups: RegistryLookups,
  ) {}

  /** Setting a target again replaces it. */
  async set(zoneCode: string, year: number, grossOutputConstant2010: string, p: Principal): Promise<ZoneTarget> {
    if (!isReportingYear(year)) {
      throw Problem.field(
        422,
        'year',
        'OUT_OF_RANGE',
        `year must be a reporting year, ${QUARTER_RANGE.first.year} to ${QUARTER_RANGE.last.year}`,
      );
    }
    assertZoneInScope(p, zoneCode);
    await this.lookups.assertZoneExists(zoneCode);
    return this.transactions.run(async (tx) => {
      const target = await this.targets.set(zoneCode, year, grossOutputConstant2010, tx);
      const entry = { action: 'target.set', entity: 'target', entityId: `${zoneCode}/${year}`, details: { grossOutputConstant2010 } };
      await recordAudit(tx, byPrincipal(p, entry));
      return target;
    });
  }

  async list(zone: string | undefined, p: Principal): Promise<ZoneTarget[]> {
    if (zone && !canAccessZone(p, zone)) return [];
    return this.targets.list(zone, seesAllZones(p) ? null : (p.zoneCodes ?? []));
  }
}
