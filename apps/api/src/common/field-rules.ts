import { ValidateBy, ValidationOptions } from 'class-validator';

/** A rule's stable error code and whether breaking it is a shape error (400) or a value error (422). */
export interface RuleMeta {
  readonly code: string;
  readonly status: 400 | 422;
  /**
   * A rule on the value of a text. Decorators apply bottom-up, so in `@IsText() @IsTaxCode()` this rule
   * runs first and fails a number too: the pipe then reports the type error it is (400 NOT_A_STRING).
   */
  readonly text?: boolean;
}

const RULES = new Map<string, RuleMeta>([
  ['whitelistValidation', { code: 'UNKNOWN_FIELD', status: 400 }],
  ['nestedValidation', { code: 'NOT_AN_OBJECT', status: 400 }],
]);

export function ruleMeta(constraint: string): RuleMeta {
  return RULES.get(constraint) ?? { code: 'INVALID', status: 422 };
}

/** Declares a named rule once; the name maps failures to the API's error codes. */
function rule(name: string, meta: RuleMeta, test: (value: unknown) => boolean, message: string) {
  RULES.set(name, meta);
  return (options?: ValidationOptions): PropertyDecorator =>
    ValidateBy({ name, validator: { validate: test, defaultMessage: () => `$property ${message}` } }, options);
}

const MAX_BIGINT = 9223372036854775807n;
// Any length: digits beyond a bigint are a value error (TOO_LARGE), not a type error.
const isDigits = (v: unknown): v is string => typeof v === 'string' && /^\d+$/.test(v);

// Money and USD: a JSON integer or a string of digits.
export const IsMoneyType = rule('moneyType', { code: 'NOT_AN_INTEGER', status: 400 },
  (v) => (typeof v === 'number' && Number.isInteger(v)) || isDigits(v) || (typeof v === 'string' && /^-\d+$/.test(v)),
  'must be a whole number of đồng (a JSON integer or a string of digits)');
export const IsPreciseMoney = rule('moneyPrecise', { code: 'PRECISION_LOST', status: 400 },
  (v) => typeof v !== 'number' || Number.isSafeInteger(v) || v < 0,
  'is above 9007199254740991 and loses precision as a JSON number: send it as a string of digits');
export const IsNonNegative = rule('nonNegative', { code: 'NEGATIVE', status: 422 },
  (v) => (typeof v === 'number' ? v >= 0 : !String(v).startsWith('-')),
  'must not be negative');
export const IsMoneyInRange = rule('moneyRange', { code: 'TOO_LARGE', status: 422 },
  (v) => typeof v === 'number' || BigInt(String(v)) <= MAX_BIGINT,
  'is too large');

export const IsCountType = rule('countType', { code: 'NOT_AN_INTEGER', status: 400 },
  (v) => typeof v === 'number' && Number.isInteger(v), 'must be a whole number');
export const IsCountInRange = rule('countRange', { code: 'OUT_OF_RANGE', status: 422 },
  (v) => typeof v === 'number' && v >= 0 && v <= 10_000_000, 'must be between 0 and 10,000,000');

export const IsText = rule('text', { code: 'NOT_A_STRING', status: 400 }, (v) => typeof v === 'string', 'must be a string');
export const IsNotBlank = rule('notBlank', { code: 'BLANK', status: 422, text: true },
  (v) => typeof v === 'string' && v.trim().length > 0 && v.length <= 500, 'must be a non-empty text of at most 500 characters');
export const IsTaxCode = rule('taxCode', { code: 'INVALID_TAX_CODE', status: 422, text: true },
  (v) => typeof v === 'string' && /^\d{10}(-\d{3})?$/.test(v), 'must be 10 digits, or 10 digits, a hyphen and 3 digits');
export const IsQuarter = rule('quarter', { code: 'INVALID_PERIOD', status: 422, text: true },
  (v) => typeof v === 'string' && /^\d{4}-Q[1-4]$/.test(v), 'must be a quarter written YYYY-Qn, e.g. 2025-Q3');
export const IsIsoDay = rule('isoDay', { code: 'INVALID_DATE', status: 422, text: true },
  (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  'must be a calendar date written YYYY-MM-DD');
export const IsZoneCode = rule('zoneCode', { code: 'INVALID_ZONE_CODE', status: 422, text: true },
  (v) => typeof v === 'string' && /^[A-Z0-9_-]{2,20}$/.test(v), 'must be 2 to 20 capital letters, digits, - or _');
export const IsEmailAddress = rule('email', { code: 'INVALID_EMAIL', status: 422, text: true },
  (v) => typeof v === 'string' && v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'must be an email address');

export function IsOneOf(values: readonly (string | number)[]) {
  return rule(`oneOf:${values.join('|')}`, { code: 'NOT_ALLOWED', status: 422 },
    (v) => values.includes(v as string | number), `must be one of: ${values.join(', ')}`)();
}

/** Money fields of requests: type, precision, sign and range, checked in that order. */
export function Money(): PropertyDecorator {
  return (target, key) => {
    for (const d of [IsMoneyType(), IsPreciseMoney(), IsNonNegative(), IsMoneyInRange()]) d(target, key);
  };
}

export function Count(): PropertyDecorator {
  return (target, key) => {
    for (const d of [IsCountType(), IsCountInRange()]) d(target, key);
  };
}


export const IsArea = rule('area', { code: 'OUT_OF_RANGE', status: 422 },
  (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 1_000_000, 'must be a positive number of hectares');
export const IsProjectCode = rule('projectCode', { code: 'INVALID_CODE', status: 422, text: true },
  (v) => typeof v === 'string' && /^[A-Za-z0-9_./-]{1,40}$/.test(v), 'must be 1 to 40 letters, digits, . / - or _');
export const IsInstant = rule('instant', { code: 'INVALID_INSTANT', status: 422, text: true },
  (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
  'must be an ISO 8601 instant with an offset, e.g. 2025-10-05T09:30:00+07:00');
export const IsFlag = rule('flag', { code: 'NOT_A_BOOLEAN', status: 400 }, (v) => typeof v === 'boolean', 'must be true or false');
export const IsZoneCodeList = rule('zoneCodeList', { code: 'INVALID_ZONE_CODE', status: 422, text: true },
  (v) => typeof v === 'string' && /^[A-Z0-9_-]{2,20}(,[A-Z0-9_-]{2,20}){0,99}$/.test(v), 'must be zone codes separated by commas, e.g. BDH,DPM');
