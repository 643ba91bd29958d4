import { EnterpriseZoneCache } from './enterprise-zone-cache';

/** The enterprises table: zones by tax code, and every query it answered. */
function registry(zones: Record<string, string>) {
  const queries: string[][] = [];
  const read = async (taxCodes: readonly string[]) => {
    queries.push([...taxCodes]);
    return new Map(taxCodes.filter((t) => zones[t]).map((t) => [t, zones[t]]));
  };
  return { zones, queries, read };
}

/** Lets the promise chains of a read run to their end (timers are fake, microtasks are not). */
async function settled(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('EnterpriseZoneCache', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('answers from the cache once read, and does not keep unknown tax codes', async () => {
    const db = registry({ '5300000001': 'BDH' });
    const cache = new EnterpriseZoneCache(db.read);
    expect(await cache.zonesOf(['5300000001', '5300000002'])).toEqual(
      new Map([
        ['5300000001', 'BDH'],
        ['5300000002', null],
      ]),
    );
    expect(await cache.zoneOf('5300000001')).toBe('BDH');
    expect(await cache.zoneOf('5300000002')).toBeNull();
    expect(db.queries).toEqual([['5300000001', '5300000002'], ['5300000002']]);
  });

  it('reads entries in use again in the background, those due together in one query, before they expire', async () => {
    const taxCodes = Array.from({ length: 100 }, (_, i) => `53000001${String(i).padStart(2, '0')}`);
    const db = registry(Object.fromEntries(taxCodes.map((t) => [t, 'BDH'])));
    const cache = new EnterpriseZoneCache(db.read);
    await cache.zonesOf(taxCodes);
    // A change elsewhere: the cache shows it once the entries are read again.
    for (const t of taxCodes) db.zones[t] = 'DPM';
    const queriesAt: number[] = [];
    for (let at = 0; at <= 9_900; at += 100) {
      jest.setSystemTime(at);
      const before = db.queries.length;
      // Every request is answered from the cache, with no query of its own.
      for (const zone of (await cache.zonesOf(taxCodes)).values()) expect(['BDH', 'DPM']).toContain(zone);
      await settled();
      if (db.queries.length > before) queriesAt.push(at);
    }
    // Refreshed over the second half of the TTL, a few at a time, each once: none expired at 10 s.
    expect(db.queries.slice(1).flat().sort()).toEqual(taxCodes);
    expect(queriesAt.length).toBeGreaterThan(20);
    expect(Math.min(...queriesAt)).toBeGreaterThanOrEqual(5_000);
    // Past the first TTL every entry still answers, with the new zone: none expired. (An entry refreshed
    // early may be due again by now; its refresh runs in the background, as above.)
    jest.setSystemTime(10_500);
    expect(new Set((await cache.zonesOf(taxCodes)).values())).toEqual(new Set(['DPM']));
  });

  it('lets entries not in use expire, and a failed refresh leaves them to their expiry', async () => {
    const db = registry({ '5300000001': 'BDH' });
    let failing = false;
    const cache = new EnterpriseZoneCache(async (taxCodes) => {
      if (failing) throw new Error('connection refused');
      return db.read(taxCodes);
    });
    await cache.zoneOf('5300000001');
    jest.setSystemTime(9_999);
    failing = true;
    expect(await cache.zoneOf('5300000001')).toBe('BDH');
    await settled();
    failing = false;
    jest.setSystemTime(10_000);
    db.zones['5300000001'] = 'DPM';
    expect(await cache.zoneOf('5300000001')).toBe('DPM');
  });
});
