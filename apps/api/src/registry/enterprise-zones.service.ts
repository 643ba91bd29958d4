import { Injectable } from '@nestjs/common';
import { EnterprisesRepository } from '@app/database';

const TTL_MS = 10_000;

/**
 * The zone of each enterprise, cached: the intake path checks scope without a database round trip.
 * Writes through this process refresh it at once; other processes' writes show within TTL_MS.
 */
@Injectable()
export class EnterpriseZones {
  private readonly cache = new Map<string, { zoneCode: string | null; until: number }>();

  constructor(private readonly enterprises: EnterprisesRepository) {}

  async zoneOf(taxCode: string): Promise<string | null> {
    return (await this.zonesOf([taxCode])).get(taxCode) ?? null;
  }

  /** The zones of many tax codes in one round trip (an upload's rows); unknown ones map to null. */
  async zonesOf(taxCodes: readonly string[]): Promise<Map<string, string | null>> {
    const zones = new Map<string, string | null>();
    const missing = [...new Set(taxCodes)].filter((taxCode) => {
      const hit = this.cache.get(taxCode);
      if (hit && hit.until > Date.now()) zones.set(taxCode, hit.zoneCode);
      return !zones.has(taxCode);
    });
    if (missing.length > 0) {
      // Unknown tax codes are not cached: the enterprise may be registered a moment later.
      const found = await this.enterprises.zonesOf(missing);
      for (const [taxCode, zoneCode] of found) this.remember(taxCode, zoneCode);
      for (const taxCode of missing) zones.set(taxCode, found.get(taxCode) ?? null);
    }
    return zones;
  }

  remember(taxCode: string, zoneCode: string): void {
    this.cache.set(taxCode, { zoneCode, until: Date.now() + TTL_MS });
  }
}
