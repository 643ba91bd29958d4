import { Injectable } from '@nestjs/common';
import { Principal, readableZones, seesAllZones } from '@app/access';
import { PeriodLocksRepository, recordAudit, SqlSession, Transactions, ZonesRepository } from '@app/database';
import { LockInterval, toLocalIso, zoneLockState } from '@app/domain';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { assertZoneInScope } from '../registry/registry-checks';

/** The zones an action names (sorted), or null for the whole province. */
type Target = readonly string[] | null;

const iso = (d: Date | null) => (d ? toLocalIso(d) : null);

/** The quarter as it stands for each zone of `zones`, and for the province. */
function lockView(period: string, open: readonly LockInterval[], zones: readonly string[]) {
  const province = open.find((l) => l.zoneCode === null) ?? null;
  const states = zones.map((z) => zoneLockState(open, period, z));
  const locked = states.length > 0 ? states.every((s) => s.locked) : province !== null;
  const since =
    states.length > 0
      ? states.map((s) => s.lockedAt!).reduce((a, b) => (a > b ? a : b), states[0].lockedAt!)
      : (province?.lockedAt ?? null);
  return {
    period,
    locked,
    // Since when every zone named is locked.
    lockedAt: locked ? iso(since) : null,
    provinceWide: { locked: province !== null, lockedAt: iso(province?.lockedAt ?? null) },
    zones: states.map((s) => ({ ...s, lockedAt: iso(s.lockedAt) })),
  };
}

/**
 * Locks of a quarter, per zone or for the whole province, kept as intervals so the worker judges each
 * filing by the lock in force at its receipt. A board acts on its zones; an admin or a board of every
 * zone may act on the province. A zone's unlock cannot lift a province-wide lock (409): that decision is
 * the province's, so only who may lock the province may unlock it, and unlocking the province opens
 * every zone.
 */
@Injectable()
export class PeriodLocks {
  constructor(
    private readonly transactions: Transactions,
    private readonly locks: PeriodLocksRepository,
    private readonly zones: ZonesRepository,
  ) {}

  async lock(period: string, p: Principal, zones?: readonly string[]) {
    const target = await this.target(p, zones);
    return this.transactions.run(async (tx) => {
      const locked =
        target === null ? await this.locks.lockProvince(period, p.tokenId, tx) : await this.locks.lockZones(period, target, p.tokenId, tx);
      await this.audit(tx, p, 'period.lock', period, locked);
      return this.state(tx, period, target);
    });
  }

  async unlock(period: string, p: Principal, zones?: readonly string[]) {
    const target = await this.target(p, zones);
    return this.transactions.run(async (tx) => {
      if (target !== null && (await this.locks.holdProvinceLock(period, tx))) {
        throw Problem.field(
          409,
          'zone',
          'PROVINCE_WIDE_LOCK',
          `${period} is locked for the whole province; only an admin or a board of every zone can unlock it, which opens every zone`,
        );
      }
      const closed = await this.locks.unlock(period, target, p.tokenId, tx);
      await this.audit(tx, p, 'period.unlock', period, closed);
      return this.state(tx, period, target);
    });
  }

  /** The locks of the caller's zones (narrowed to `zones`) and of the province: state now and every interval. */
  async read(period: string, p: Principal, zones?: readonly string[]) {
    const readable = readableZones(p);
    const shown = (await this.zones.codes(readable)).filter((z) => zones === undefined || zones.includes(z));
    const intervals = shown.length === 0 ? [] : await this.locks.history(period, shown);
    return {
      ...lockView(
        period,
        intervals.filter((l) => l.unlockedAt === null),
        shown,
      ),
      intervals: intervals.map((l) => ({ zoneCode: l.zoneCode, lockedAt: iso(l.lockedAt), unlockedAt: iso(l.unlockedAt) })),
    };
  }

  /**
   * Zones named are checked against the caller's scope first, so an unknown zone and another board's
   * answer alike (403); then against the registry (422). Without zones a board acts on its own.
   */
  private async target(p: Principal, zones?: readonly string[]): Promise<Target> {
    if (zones === undefined && seesAllZones(p)) return null;
    for (const zone of zones ?? []) assertZoneInScope(p, zone, 'zone');
    const named = zones ?? p.zoneCodes ?? [];
    const known = await this.zones.codes(named);
    const unknown = named.filter((z) => !known.includes(z));
    // A board's token may name zones not registered yet: acting on all its zones skips those.
    if (zones !== undefined && unknown.length > 0)
      throw Problem.field(422, 'zone', 'UNKNOWN_ZONE', `zone ${unknown[0]} is not in the registry`);
    if (known.length === 0) throw Problem.field(422, 'zone', 'UNKNOWN_ZONE', 'none of your zones is in the registry yet');
    return known;
  }

  private async state(tx: SqlSession, period: string, target: Target) {
    const zones = target ?? (await this.zones.codes(null, tx));
    return lockView(period, await this.locks.open(period, tx), zones);
  }

  /** One entry per lock opened or closed: a zone's, or the province's (zoneCode null). */
  private async audit(tx: SqlSession, p: Principal, action: string, period: string, changed: ReadonlyArray<string | null>): Promise<void> {
    for (const zoneCode of changed) {
      await recordAudit(tx, byPrincipal(p, { action, entity: 'period', entityId: period, details: { zoneCode } }));
    }
  }
}
