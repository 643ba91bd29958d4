import type { Role } from '@app/database';

/** Who is calling, resolved from a bearer token. */
export interface Principal {
  readonly tokenId: string;
  readonly name: string;
  readonly role: Role;
  /** Board scope; null means every zone (and admin). */
  readonly zoneCodes: readonly string[] | null;
  readonly taxCode: string | null;
}

export function seesAllZones(p: Principal): boolean {
  return p.role === 'admin' || (p.role === 'board' && p.zoneCodes === null);
}

export function canAccessZone(p: Principal, zoneCode: string | null): boolean {
  if (seesAllZones(p)) return true;
  return p.role === 'board' && zoneCode !== null && (p.zoneCodes ?? []).includes(zoneCode);
}

/** Enterprise tokens reach their own tax code; boards reach enterprises of their zones. */
export function canAccessEnterprise(p: Principal, taxCode: string, zoneCode: string | null): boolean {
  if (p.role === 'enterprise') return p.taxCode === taxCode;
  return canAccessZone(p, zoneCode);
}

/** The zones a board or admin reads, narrowed to `zone` when a query names one: null means every zone. */
export function readableZones(p: Principal, zone?: string): readonly string[] | null {
  if (zone !== undefined) return canAccessZone(p, zone) ? [zone] : [];
  return seesAllZones(p) ? null : (p.zoneCodes ?? []);
}
