/** Reads the zones of tax codes (registered ones only). */
export type ZoneRead = (taxCodes: readonly string[]) => Promise<Map<string, string>>;

const TTL_MS = 10_000;

interface Entry {
  readonly zoneCode: string;
  readonly until: number;
  /** When a request finding it asks for it to be read again in the background. */
  readonly refreshAt: number;
}

/**
 * The zone of each enterprise, kept TTL_MS after it was read. An enterprise in use is read again in the
 * background between half and nine tenths of its TTL, each at its own moment and those due together in
 * one query, so that requests do not wait for expiries and the entries read together (at start-up, say)
 * do not all expire together.
 */
export class EnterpriseZoneCache {
  private readonly cache = new Map<string, Entry>();
  private readonly due = new Set<string>();
  private refreshing = false;

  constructor(private readonly read: ZoneRead) {}

  async zoneOf(taxCode: string): Promise<string | null> {
    const hit = this.fresh(taxCode, Date.now());
    return hit ? hit.zoneCode : ((await this.zonesOf([taxCode])).get(taxCode) ?? null);
  }

  /** The zones of many tax codes in one round trip (an upload's rows); unknown ones map to null. */
  async zonesOf(taxCodes: readonly string[]): Promise<Map<string, string | null>> {
    const zones = new Map<string, string | null>();
    const now = Date.now();
    const missing = [...new Set(taxCodes)].filter((taxCode) => {
      const hit = this.fresh(taxCode, now);
      if (hit) zones.set(taxCode, hit.zoneCode);
      return !hit;
    });
    if (missing.length > 0) {
      // Unknown tax codes are not cached: the enterprise may be registered a moment later.
      const found = await this.read(missing);
      for (const [taxCode, zoneCode] of found) this.remember(taxCode, zoneCode);
      for (const taxCode of missing) zones.set(taxCode, found.get(taxCode) ?? null);
    }
    return zones;
  }

  remember(taxCode: string, zoneCode: string): void {
    const now = Date.now();
    this.cache.set(taxCode, { zoneCode, until: now + TTL_MS, refreshAt: now + TTL_MS * (0.5 + 0.4 * Math.random()) });
  }

  /** The entry if still valid, asking for its refresh once due. */
  private fresh(taxCode: string, now: number): Entry | null {
    const hit = this.cache.get(taxCode);
    if (!hit || hit.until <= now) return null;
    if (hit.refreshAt <= now) {
      this.due.add(taxCode);
      if (!this.refreshing) void this.refreshDue();
    }
    return hit;
  }

  /** Reads the entries due, in one query, until none is left; a failure leaves them to their expiry. */
  private async refreshDue(): Promise<void> {
    this.refreshing = true;
    try {
      while (this.due.size > 0) {
        const taxCodes = [...this.due];
        this.due.clear();
        const found = await this.read(taxCodes);
        for (const taxCode of taxCodes) {
          // Asked for again by the requests that came while it was being read: it is fresh now.
          this.due.delete(taxCode);
          const zoneCode = found.get(taxCode);
          if (zoneCode === undefined) this.cache.delete(taxCode);
          else this.remember(taxCode, zoneCode);
        }
      }
    } catch {
      this.due.clear();
    } finally {
      this.refreshing = false;
    }
  }
}
