import { canAccessZone, Principal, seesAllZones } from '@app/access';
import type { FieldError } from '../common/problem';

/**
 * Why this caller may not file for this tax code, or null when it may: enterprises file for their own
 * tax code, boards for enterprises registered in their zones. One rule for JSON reports (403) and
 * for each row of an upload (a row error).
 */
export function filingScopeError(taxCode: string, zoneCode: string | null, p: Principal): FieldError | null {
  if (p.role === 'enterprise') {
    return p.taxCode === taxCode
      ? null
      : { field: 'taxCode', code: 'OUT_OF_SCOPE', message: `this token files only for tax code ${p.taxCode}` };
  }
  if (seesAllZones(p) || canAccessZone(p, zoneCode)) return null;
  return { field: 'taxCode', code: 'OUT_OF_SCOPE', message: `tax code ${taxCode} is not registered in your zones` };
}

/** Only the board keys in paper forms with their receipt stamp; a stamp cannot lie in the future. */
export function paperReceiptError(receivedAt: string, p: Principal): FieldError | null {
  if (p.role === 'enterprise') {
    return {
      field: 'receivedAt',
      code: 'NOT_ALLOWED',
      message: 'receivedAt is set by the board for paper forms; enterprises leave it out',
    };
  }
  if (Date.parse(receivedAt) > Date.now() + 60_000)
    return { field: 'receivedAt', code: 'IN_FUTURE', message: 'receivedAt lies in the future' };
  return null;
}
