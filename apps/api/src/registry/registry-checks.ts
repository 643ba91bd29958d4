import { canAccessZone, Principal } from '@app/access';
import { isRegistryDay, REGISTRY_DAYS } from '@app/domain';
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

/** A day of the path ('YYYY-MM-DD'), 422 naming the parameter otherwise. */
export function registryDayParam(day: string, field: string): string {
  if (!isRegistryDay(day))
    throw Problem.field(422, field, 'INVALID_DATE', `${field} must be a calendar date written YYYY-MM-DD from ${REGISTRY_DAYS.text}`);
  return day;
}
