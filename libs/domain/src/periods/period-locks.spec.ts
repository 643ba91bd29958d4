import { LockInterval, lockedAtInstant, zoneLockState } from './period-locks';

const at = (iso: string) => new Date(iso);
const lock = (zoneCode: string | null, from: string, until: string | null, period = '2025-Q3'): LockInterval => ({
  period,
  zoneCode,
  lockedAt: at(from),
  unlockedAt: until === null ? null : at(until),
});

describe('period locks', () => {
  const locks = [
    lock('BDH', '2025-10-01T00:00Z', '2025-10-05T00:00Z'),
    lock('BDH', '2025-10-08T00:00Z', null),
    lock(null, '2025-11-01T00:00Z', '2025-11-02T00:00Z'),
    lock('DPM', '2025-10-01T00:00Z', null, '2025-Q2'),
  ];

  it('judges a zone by its own locks at the instant, from lockedAt included to unlockedAt excluded', () => {
    expect(lockedAtInstant(locks, '2025-Q3', 'BDH', at('2025-09-30T23:59Z'))).toBe(false);
    expect(lockedAtInstant(locks, '2025-Q3', 'BDH', at('2025-10-01T00:00Z'))).toBe(true);
    expect(lockedAtInstant(locks, '2025-Q3', 'BDH', at('2025-10-05T00:00Z'))).toBe(false);
    expect(lockedAtInstant(locks, '2025-Q3', 'BDH', at('2025-10-09T00:00Z'))).toBe(true);
  });

  it('keeps another zone and another quarter out of a zone lock', () => {
    expect(lockedAtInstant(locks, '2025-Q3', 'DPM', at('2025-10-09T00:00Z'))).toBe(false);
    expect(lockedAtInstant(locks, '2025-Q2', 'BDH', at('2025-10-09T00:00Z'))).toBe(false);
    expect(lockedAtInstant(locks, '2025-Q2', 'DPM', at('2025-10-09T00:00Z'))).toBe(true);
  });

  it('applies a province-wide lock to every zone, and to a filing of no known zone', () => {
    expect(lockedAtInstant(locks, '2025-Q3', 'DPM', at('2025-11-01T12:00Z'))).toBe(true);
    expect(lockedAtInstant(locks, '2025-Q3', null, at('2025-11-01T12:00Z'))).toBe(true);
    expect(lockedAtInstant(locks, '2025-Q3', null, at('2025-10-09T00:00Z'))).toBe(false);
  });

  it('states a zone locked since its earliest open lock, by the province when the province holds one', () => {
    expect(zoneLockState(locks, '2025-Q3', 'BDH')).toEqual({
      zoneCode: 'BDH',
      locked: true,
      lockedAt: at('2025-10-08T00:00Z'),
      scope: 'zone',
    });
    expect(zoneLockState(locks, '2025-Q3', 'DPM')).toEqual({ zoneCode: 'DPM', locked: false, lockedAt: null, scope: null });
    const province = [...locks, lock(null, '2025-12-01T00:00Z', null)];
    expect(zoneLockState(province, '2025-Q3', 'BDH')).toEqual({
      zoneCode: 'BDH',
      locked: true,
      lockedAt: at('2025-10-08T00:00Z'),
      scope: 'province',
    });
    expect(zoneLockState(province, '2025-Q3', 'DPM')).toEqual({
      zoneCode: 'DPM',
      locked: true,
      lockedAt: at('2025-12-01T00:00Z'),
      scope: 'province',
    });
  });
});
