import { ZONE_CODE } from '../common/field-rules';
import { Problem } from '../common/problem';

/** A zone scope (a board token's, a subscription's), always explicit: "all" means every zone, else a list of zone codes. */
export function parseZoneScope(value: unknown): string[] | null {
  if (value === undefined || value === null) {
    throw Problem.field(422, 'zoneCodes', 'REQUIRED', 'zoneCodes is required: "all" or a list of zone codes');
  }
  if (value === 'all') return null;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && ZONE_CODE.test(v))) {
    return [...new Set(value as string[])];
  }
  throw Problem.field(422, 'zoneCodes', 'INVALID_ZONE_SCOPE', 'zoneCodes must be "all" or a non-empty list of zone codes');
}
