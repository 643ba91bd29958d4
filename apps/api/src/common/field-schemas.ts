import { ApiPropertyOptions } from '@nestjs/swagger';
import { COUNT_MAXIMUM, FIGURE_LIMITS, PUBLICATION_DAYS, QUARTER_RANGE, RECEIPT_INSTANTS, REGISTRY_DAYS } from '@app/domain';
import { MAX_EMAIL_LENGTH, MAX_TEXT_LENGTH, PROJECT_CODE, TAX_CODE, ZONE_CODE } from './field-rules';

/**
 * The OpenAPI side of the field rules: the same patterns, ranges and maxima the validation checks, so
 * that the document (and any client or test generating requests from it) knows them.
 */
type Schema = ApiPropertyOptions;

export const TEXT: Schema = {
  type: String,
  minLength: 1,
  maxLength: MAX_TEXT_LENGTH,
  description: 'no control characters but tab and line breaks',
};
export const TAX_CODE_SCHEMA: Schema = { type: String, pattern: TAX_CODE.source, example: '5300123456' };
export const ZONE_CODE_SCHEMA: Schema = { type: String, pattern: ZONE_CODE.source, example: 'BDH' };
export const PROJECT_CODE_SCHEMA: Schema = { type: String, pattern: PROJECT_CODE.source, example: 'DA-TL-001' };
export const EMAIL_SCHEMA: Schema = { type: String, format: 'email', maxLength: MAX_EMAIL_LENGTH, example: 'lanhdao@laocai.gov.vn' };
export const QUARTER_SCHEMA: Schema = {
  type: String,
  pattern: '^\\d{4}-Q[1-4]$',
  example: '2025-Q3',
  description: `a quarter from ${QUARTER_RANGE.text}`,
};
/** `period` of the summaries: a quarter or a year. */
export const PERIOD_SCHEMA: Schema = {
  type: String,
  pattern: '^\\d{4}(-Q[1-4])?$',
  example: '2025',
  description: `a quarter YYYY-Qn or a year YYYY, within ${QUARTER_RANGE.text}`,
};
export const REGISTRY_DAY_SCHEMA: Schema = {
  type: String,
  format: 'date',
  example: '2019-05-01',
  description: `from ${REGISTRY_DAYS.text}`,
};
export const PUBLICATION_DAY_SCHEMA: Schema = {
  type: String,
  format: 'date',
  example: '2025-11-01',
  description: `from ${PUBLICATION_DAYS.text}, not in the future`,
};
export const RECEIPT_INSTANT_SCHEMA: Schema = {
  type: String,
  format: 'date-time',
  example: '2025-10-05T09:30:00+07:00',
  description: `from ${RECEIPT_INSTANTS.text}`,
};
/** Hectares: positive, below a million, two decimals kept. */
export const AREA_SCHEMA: Schema = {
  type: Number,
  minimum: 0,
  exclusiveMinimum: true,
  maximum: 1_000_000,
  exclusiveMaximum: true,
  example: 110.5,
  description: 'hectares, two decimals kept',
};
export const COUNT_SCHEMA: Schema = { type: 'integer', minimum: 0, maximum: COUNT_MAXIMUM };

const MONEY_UNITS = { money: 'đồng', usd: 'US dollars' } as const;

/** A money (đồng) or USD amount: a JSON integer or a string of digits, at most the documented maximum. */
export function moneySchema(kind: 'money' | 'usd', example: string, description: string): Schema {
  const maximum = FIGURE_LIMITS[kind].maximum.toString();
  return {
    type: String,
    pattern: `^\\d{1,${maximum.length}}$`,
    maxLength: maximum.length,
    example,
    description: `${description}; ${MONEY_UNITS[kind]}, a JSON integer or a string of digits, at most ${maximum}`,
  };
}
