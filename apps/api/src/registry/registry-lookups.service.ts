import { Injectable } from '@nestjs/common';
import { canAccessZone, Principal, seesAllZones } from '@app/access';
import { Enterprise, EnterprisesRepository, ZonesRepository } from '@app/database';
import { Problem } from '../common/problem';

/** References between registry rows, answered as 422 naming the field when missing. */
@Injectable()
export class RegistryLookups {
  constructor(
    private readonly zones: ZonesRepository,
    private readonly enterprises: EnterprisesRepository,
  ) {}

  async assertZoneExists(zoneCode: string, field = 'zoneCode'): Promise<void> {
    await this.assertZonesExist([zoneCode], field);
  }

  async assertZonesExist(zoneCodes: readonly string[], field: string): Promise<void> {
    const found = new Set(await this.zones.codes(zoneCodes));
    const missing = zoneCodes.find((z) => !found.has(z));
    if (missing !== undefined) throw Problem.field(422, field, 'UNKNOWN_ZONE', `zone ${missing} is not in the registry`);
  }

  /**
   * An enterprise the caller may link to: a board's must be registered in its zones. Another zone's
   * enterprise is answered exactly as an unknown tax code, so a board cannot probe which exist.
   */
  async enterpriseInScope(p: Principal, taxCode: string, field = 'taxCode'): Promise<Enterprise> {
    const e = await this.enterprises.find(taxCode);
    if (!e || !canAccessZone(p, e.zoneCode)) {
      throw Problem.field(
        422,
        field,
        'UNKNOWN_ENTERPRISE',
        `tax code ${taxCode} is not ${seesAllZones(p) ? 'in the registry' : 'registered in your zones'}`,
      );
    }
    return e;
  }
}
