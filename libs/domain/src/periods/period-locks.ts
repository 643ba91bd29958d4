/** A lock of a quarter from `lockedAt` until `unlockedAt` (null while in force): of one zone, or of the whole province (zone null). */
export interface LockInterval {
  readonly period: string;
  readonly zoneCode: string | null;
  readonly lockedAt: Date;
  readonly unlockedAt: Date | null;
}

/** How a quarter stands for one zone: locked since when, and by which lock (the province's wins, since only it may lift it). */
export interface ZoneLockState {
  readonly zoneCode: string;
  readonly locked: boolean;
  readonly lockedAt: Date | null;
  readonly scope: 'zone' | 'province' | null;
}

const covers = (l: LockInterval, period: string, zoneCode: string | null) =>
  l.period === period && (l.zoneCode === null || l.zoneCode === zoneCode);

/**
 * Whether the quarter was locked for an enterprise of `zoneCode` at the instant `at`: a lock of its
 * zone or of the province was in force then. A filing of an enterprise in no known zone meets only
 * the province's locks.
 */
export function lockedAtInstant(locks: readonly LockInterval[], period: string, zoneCode: string | null, at: Date): boolean {
  return locks.some((l) => covers(l, period, zoneCode) && l.lockedAt <= at && (l.unlockedAt === null || l.unlockedAt > at));
}

/** The state of the quarter for one zone now, from the locks still open. */
export function zoneLockState(locks: readonly LockInterval[], period: string, zoneCode: string): ZoneLockState {
  const open = locks.filter((l) => l.unlockedAt === null && covers(l, period, zoneCode));
  if (open.length === 0) return { zoneCode, locked: false, lockedAt: null, scope: null };
  const since = open.reduce((first, l) => (l.lockedAt < first ? l.lockedAt : first), open[0].lockedAt);
  return { zoneCode, locked: true, lockedAt: since, scope: open.some((l) => l.zoneCode === null) ? 'province' : 'zone' };
}
