import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, readableZones, seesAllZones } from '@app/access';
import { recordAudit } from '@app/database';
import { LockInterval, toLocalIso, zoneLockState } from '@app/domain';
import { byPrincipal } from '../audit/audit';
import { Problem } from '../common/problem';
import { assertZoneInScope } from '../registry/registry-checks';

/** The zones an action names (sorted), or null for the whole province. */
type Target = readonly string[] | null;

const OPEN_LOCKS = `SELECT period, zone_code AS "zoneCode", locked_at AS "lockedAt", unlocked_at AS "unlockedAt"
  FROM period_locks WHERE period = $1 AND unlocked_at IS NULL`;

const iso = (d: Date | null) => (d ? toLocalIso(d) : null);

/** The quarter as it stands for each zone of `zones`, and for the province. */
function lockView(period: string, open: readonly LockInterval[], zones: readonly string[]) {
  const province = open.find((l) => l.zoneCode === null) ?? null;
  const states = zones.map((z) => zoneLockState(open, period, z));
  const locked = states.length > 0 ? states.every((s) => s.locked) : province !== null;
  const since = states.length > 0 ? states.map((s) => s.lockedAt!).reduce((a, b) => (a > b ? a : b), states[0].lockedAt!) : province?.lockedAt ?? null;
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
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async lock(period: string, p: Principal, zones?: readonly string[]) {
    const target = await this.target(p, zones);
    return this.db.transaction(async (tx) => {
      const locked: Array<{ zone_code: string | null }> = target === null
        ? await tx.query(
          `INSERT INTO period_locks (period, locked_by) VALUES ($1, $2)
           ON CONFLICT (period) WHERE unlocked_at IS NULL AND zone_code IS NULL DO NOTHING RETURNING zone_code`, [period, p.tokenId])
        : await tx.query(
          `INSERT INTO period_locks (period, zone_code, locked_by) SELECT $1, z, $3 FROM unnest($2::text[]) AS z
           ON CONFLICT (period, zone_code) WHERE unlocked_at IS NULL AND zone_code IS NOT NULL DO NOTHING RETURNING zone_code`, [period, target, p.tokenId]);
      await this.audit(tx, p, 'period.lock', period, locked);
      return this.state(tx, period, target);
    });
  }

  async unlock(period: string, p: Principal, zones?: readonly string[]) {
    const target = await this.target(p, zones);
    return this.db.transaction(async (tx) => {
      if (target !== null) {
        const province: unknown[] = await tx.query('SELECT 1 FROM period_locks WHERE period = $1 AND zone_code IS NULL AND unlocked_at IS NULL FOR UPDATE', [period]);
        if (province.length > 0) {
          throw Problem.field(409, 'zone', 'PROVINCE_WIDE_LOCK',
            `${period} is locked for the whole province; only an admin or a board of every zone can unlock it, which opens every zone`);
        }
      }
      const [closed]: [Array<{ zone_code: string | null }>, number] = await tx.query(
        `UPDATE period_locks SET unlocked_at = now(), unlocked_by = $3
         WHERE period = $1 AND unlocked_at IS NULL AND ($2::text[] IS NULL OR zone_code = ANY($2)) RETURNING zone_code`,
        [period, target, p.tokenId],
      );
      await this.audit(tx, p, 'period.unlock', period, closed);
      return this.state(tx, period, target);
    });
  }

  /** The locks of the caller's zones (narrowed to `zones`) and of the province: state now and every interval. */
  async read(period: string, p: Principal, zones?: readonly string[]) {
    const readable = readableZones(p);
    const rows: Array<{ code: string }> = await this.db.query('SELECT code FROM zones WHERE ($1::text[] IS NULL OR code = ANY($1)) ORDER BY code', [readable]);
    const shown = rows.map((r) => r.code).filter((z) => zones === undefined || zones.includes(z));
    const intervals: LockInterval[] = shown.length === 0 ? [] : await this.db.query(
      `SELECT period, zone_code AS "zoneCode", locked_at AS "lockedAt", unlocked_at AS "unlockedAt" FROM period_locks
       WHERE period = $1 AND (zone_code IS NULL OR zone_code = ANY($2)) ORDER BY locked_at, id`,
      [period, shown],
    );
    return {
      ...lockView(period, intervals.filter((l) => l.unlockedAt === null), shown),
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
    const rows: Array<{ code: string }> = await this.db.query('SELECT code FROM zones WHERE code = ANY($1) ORDER BY code', [named]);
    const known = rows.map((r) => r.code);
    const unknown = named.filter((z) => !known.includes(z));
    // A board's token may name zones not registered yet: acting on all its zones skips those.
    if (zones !== undefined && unknown.length > 0) throw Problem.field(422, 'zone', 'UNKNOWN_ZONE', `zone ${unknown[0]} is not in the registry`);
    if (known.length === 0) throw Problem.field(422, 'zone', 'UNKNOWN_ZONE', 'none of your zones is in the registry yet');
    return known;
  }

  private async state(tx: EntityManager, period: string, target: Target) {
    const zones: string[] = target ?? (await tx.query('SELECT code FROM zones ORDER BY code')).map((r: { code: string }) => r.code);
    return lockView(period, await tx.query(OPEN_LOCKS, [period]), zones);
  }

  /** One entry per lock opened or closed: a zone's, or the province's (zoneCode null). */
  private async audit(tx: EntityManager, p: Principal, action: string, period: string, changed: Array<{ zone_code: string | null }>): Promise<void> {
    for (const { zone_code } of changed) {
      await recordAudit(tx, byPrincipal(p, { action, entity: 'period', entityId: period, details: { zoneCode: zone_code } }));
    }
  }
}
