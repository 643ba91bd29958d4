import { ValidateBy, ValidationOptions } from 'class-validator';
import {
  COUNT_MAXIMUM,
  FieldKind,
  FIGURE_LIMITS,
  isPublicationDay,
  isReceiptInstant,
  isRegistryDay,
  parseQuarter,
  PUBLICATION_DAYS,
  QUARTER_RANGE,
  RECEIPT_INSTANTS,
  REGISTRY_DAYS,
  withinFigureLimit,
} from '@app/domain';

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

// The shapes of texts with a format, shared with the OpenAPI document (field-schemas.ts).
export const TAX_CODE = /^\d{10}(-\d{3})?$/;
export const ZONE_CODE = /^[A-Z0-9_-]{2,20}$/;
export const PROJECT_CODE = /^[A-Za-z0-9_./-]{1,40}$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_TEXT_LENGTH = 500;

// Any length: digits beyond the maximum are a value error (TOO_LARGE), not a type error.
const isDigits = (v: unknown): v is string => typeof v === 'string' && /^\d+$/.test(v);

// Money and USD: a JSON integer or a string of digits.
export const IsMoneyType = rule(
  'moneyType',
  { code: 'NOT_AN_INTEGER', status: 400 },
  (v) => (typeof v === 'number' && Number.isInteger(v)) || isDigits(v) || (typeof v === 'string' && /^-\d+$/.test(v)),
  'must be a whole number of đồng (a JSON integer or a string of digits)',
);
export const IsPreciseMoney = rule(
  'moneyPrecise',
  { code: 'PRECISION_LOST', status: 400 },
  (v) => typeof v !== 'number' || Number.isSafeInteger(v) || v < 0,
  'is above 9007199254740991 and loses precision as a JSON number: send it as a string of digits',
);
export const IsNonNegative = rule(
  'nonNegative',
  { code: 'NEGATIVE', status: 422 },
  (v) => (typeof v === 'number' ? v >= 0 : !String(v).startsWith('-')),
  'must not be negative',
);
/** The documented maximum of a money or USD field (FIGURE_LIMITS), so that every sum of them stays exact. */
function IsMoneyInRange(kind: 'money' | 'usd'): PropertyDecorator {
  const { maximum, unit } = FIGURE_LIMITS[kind];
  return rule(
    `moneyRange:${kind}`,
    { code: 'TOO_LARGE', status: 422 },
    (v) =>
      typeof v === 'number'
        ? Number.isSafeInteger(v) && withinFigureLimit(kind, BigInt(v))
        : isDigits(v) && withinFigureLimit(kind, BigInt(v)),
    `must be at most ${maximum} ${unit}`,
  )();
}

export const IsCountType = rule(
  'countType',
  { code: 'NOT_AN_INTEGER', status: 400 },
  (v) => typeof v === 'number' && Number.isInteger(v),
  'must be a whole number',
);
export const IsCountInRange = rule(
  'countRange',
  { code: 'OUT_OF_RANGE', status: 422 },
  (v) => typeof v === 'number' && v >= 0 && v <= COUNT_MAXIMUM,
  `must be between 0 and ${COUNT_MAXIMUM.toLocaleString('en')}`,
);

export const IsText = rule('text', { code: 'NOT_A_STRING', status: 400 }, (v) => typeof v === 'string', 'must be a string');
export const IsNotBlank = rule(
  'notBlank',
  { code: 'BLANK', status: 422, text: true },
  (v) => typeof v === 'string' && v.trim().length > 0 && v.length <= MAX_TEXT_LENGTH,
  `must be a non-empty text of at most ${MAX_TEXT_LENGTH} characters`,
);
export const IsTaxCode = rule(
  'taxCode',
  { code: 'INVALID_TAX_CODE', status: 422, text: true },
  (v) => typeof v === 'string' && TAX_CODE.test(v),
  'must be 10 digits, or 10 digits, a hyphen and 3 digits',
);
export const IsQuarter = rule(
  'quarter',
  { code: 'INVALID_PERIOD', status: 422, text: true },
  (v) => typeof v === 'string' && parseQuarter(v) !== null,
  `must be a quarter written YYYY-Qn from ${QUARTER_RANGE.text}, e.g. 2025-Q3`,
);
export const IsRegistryDay = rule(
  'registryDay',
  { code: 'INVALID_DATE', status: 422, text: true },
  (v) => typeof v === 'string' && isRegistryDay(v),
  `must be a calendar date written YYYY-MM-DD from ${REGISTRY_DAYS.text}`,
);
export const IsPublicationDay = rule(
  'publicationDay',
  { code: 'INVALID_DATE', status: 422, text: true },
  (v) => typeof v === 'string' && isPublicationDay(v),
  `must be a calendar date written YYYY-MM-DD from ${PUBLICATION_DAYS.text} (the first day a quarter, 2000-Q1, was past due)`,
);
export const IsZoneCode = rule(
  'zoneCode',
  { code: 'INVALID_ZONE_CODE', status: 422, text: true },
  (v) => typeof v === 'string' && ZONE_CODE.test(v),
  'must be 2 to 20 capital letters, digits, - or _',
);
export const IsEmailAddress = rule(
  'email',
  { code: 'INVALID_EMAIL', status: 422, text: true },
  (v) => typeof v === 'string' && v.length <= MAX_EMAIL_LENGTH && EMAIL.test(v),
  'must be an email address',
);

export function IsOneOf(values: readonly (string | number)[]) {
  return rule(
    `oneOf:${values.join('|')}`,
    { code: 'NOT_ALLOWED', status: 422 },
    (v) => values.includes(v as string | number),
    `must be one of: ${values.join(', ')}`,
  )();
}

/** Money (đồng) and USD fields of requests: type, precision, sign and the maximum of the kind, checked in that order. */
export function Money(kind: Exclude<FieldKind, 'count'> = 'money'): PropertyDecorator {
  return (target, key) => {
    for (const d of [IsMoneyType(), IsPreciseMoney(), IsNonNegative(), IsMoneyInRange(kind)]) d(target, key);
  };
}

export function Count(): PropertyDecorator {
  return (target, key) => {
    for (const d of [IsCountType(), IsCountInRange()]) d(target, key);
  };
}

export const IsArea = rule(
  'area',
  { code: 'OUT_OF_RANGE', status: 422 },
  (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 1_000_000,
  'must be a positive number of hectares',
);
export const IsCapacity = rule(
  'capacity',
  { code: 'OUT_OF_RANGE', status: 422 },
  (v) => typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 10_000_000,
  'must be a whole number of cubic metres a day, 1 to 10,000,000',
);
export const IsPlanValue = rule(
  'planValue',
  { code: 'OUT_OF_RANGE', status: 422 },
  (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 1e15 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6,
  'must be a positive number below 10^15 with at most two decimals',
);
export const IsProjectCode = rule(
  'projectCode',
  { code: 'INVALID_CODE', status: 422, text: true },
  (v) => typeof v === 'string' && PROJECT_CODE.test(v),
  'must be 1 to 40 letters, digits, . / - or _',
);
export const IsReceiptInstant = rule(
  'receiptInstant',
  { code: 'INVALID_INSTANT', status: 422, text: true },
  (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
    isReceiptInstant(new Date(v)),
  `must be an ISO 8601 instant with an offset from ${RECEIPT_INSTANTS.text}, e.g. 2025-10-05T09:30:00+07:00`,
);
export const IsFlag = rule('flag', { code: 'NOT_A_BOOLEAN', status: 400 }, (v) => typeof v === 'boolean', 'must be true or false');
export const IsZoneCodeList = rule(
  'zoneCodeList',
  { code: 'INVALID_ZONE_CODE', status: 422, text: true },
  (v) => typeof v === 'string' && /^[A-Z0-9_-]{2,20}(,[A-Z0-9_-]{2,20}){0,99}$/.test(v),
  'must be zone codes separated by commas, e.g. BDH,DPM',
);
