import { canAccessZone, Principal } from '@app/access';
import { Problem } from '../common/problem';

/** Boards act only inside their zones. */
export function assertZoneInScope(p: Principal, zoneCode: string, field = 'zoneCode'): void {
  if (!canAccessZone(p, zoneCode)) throw Problem.field(403, field, 'OUT_OF_SCOPE', `zone ${zoneCode} is outside your scope`);
}

export function assertDateOrder(from: string | null | undefined, until: string | null | undefined, untilField: string): void {
  if (from && until && until < from) {
    throw Problem.field(422, untilField, 'DATE_ORDER', `${untilField} (${until}) is before the start date (${from})`);
  }
}

/** Postgres unique violation, for 409 answers to races the pre-check could not see. */
export function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string })?.code === '23505' || (e as { driverError?: { code?: string } })?.driverError?.code === '23505';
}
