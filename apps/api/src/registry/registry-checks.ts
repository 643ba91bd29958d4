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
