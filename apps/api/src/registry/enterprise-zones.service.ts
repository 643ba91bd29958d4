import { Injectable } from '@nestjs/common';
import { EnterprisesRepository } from '@app/database';
import { EnterpriseZoneCache } from './enterprise-zone-cache';

/**
 * The zone of each enterprise, cached: the intake path checks scope without a database round trip.
 * Writes through this process refresh it at once; other processes' writes show within 10 s.
 */
@Injectable()
export class EnterpriseZones {
  private readonly cache: EnterpriseZoneCache;

  constructor(enterprises: EnterprisesRepository) {
    this.cache = new EnterpriseZoneCache((taxCodes) => enterprises.zonesOf(taxCodes));
  }

  zoneOf(taxCode: string): Promise<string | null> {
    return this.cache.zoneOf(taxCode);
  }

  /** The zones of many tax codes in one round trip (an upload's rows); unknown ones map to null. */
  zonesOf(taxCodes: readonly string[]): Promise<Map<string, string | null>> {
    return this.cache.zonesOf(taxCodes);
  }

  remember(taxCode: string, zoneCode: string): void {
    this.cache.remember(taxCode, zoneCode);
  }
}
