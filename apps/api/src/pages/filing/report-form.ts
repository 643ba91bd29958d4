import { fieldPath, readTypedFigure, REPORT_FIELDS, ReportField, ReportIssue } from '@app/domain';
import type { FieldError } from '../../common/problem';
import { formatInteger, Language } from '../views/formats';
import type { Messages } from '../views/messages';
import { issueText } from '../views/issue-texts';

/** What the filer typed, by field path (`production.grossOutput`); a field left empty is absent or ''. */
export type TypedValues = Readonly<Record<string, string>>;

/** Messages next to fields, by field path, and those that belong to no field. */
export interface FormErrors {
  readonly byField: ReadonlyMap<string, string>;
  readonly general: readonly string[];
}

export const NO_ERRORS: FormErrors = { byField: new Map(), general: [] };

// Longer than this a typed value is not a figure anyone means: it is refused as typed, unread.
const MAX_TYPED = 40;

/** The figures of a posted form, by field path. */
export function typedValues(body: Readonly<Record<string, string | undefined>>): TypedValues {
  return Object.fromEntries(REPORT_FIELDS.map((f) => [fieldPath(f), (body[fieldPath(f)] ?? '').slice(0, MAX_TYPED)]));
}

/** One typed figure as the report's JSON has it: a count as a number, money as digits, anything else as typed. */
function jsonValue(f: ReportField, typed: string): unknown {
  const read = readTypedFigure(typed);
  if (read.kind === 'empty') return undefined;
  const text = read.kind === 'number' ? read.digits : read.text;
  // A count must be a JSON number to be judged as one; a negative one is then refused as negative.
  if (f.kind === 'count' && /^-?\d{1,15}$/.test(text)) return Number(text);
  return text;
}

/**
 * The body POST /v1/reports would get for this form, to be validated by the very same rules: whole
 * numbers read with or without separators, anything else passed as typed for validation to name.
 */
export function reportBody(taxCode: string, period: string, values: TypedValues): Record<string, unknown> {
  const body: Record<string, Record<string, unknown>> = { production: {}, employment: {}, wages: {}, investment: {} };
  for (const f of REPORT_FIELDS) {
    const value = jsonValue(f, values[fieldPath(f)] ?? '');
    if (value !== undefined) body[f.section][f.key] = value;
  }
  return { taxCode, period, ...body };
}

/** A typed figure shown back: a whole number in the page's locale, anything else exactly as typed. */
export function shownValue(typed: string, lang: Language): string {
  const read = readTypedFigure(typed);
  return read.kind === 'number' ? formatInteger(BigInt(read.digits), lang) : typed;
}

/** The form filled from a revision's figures (digits, null where not reported). */
export function valuesOf(figures: Readonly<Record<ReportField['key'], string | null>>): TypedValues {
  return Object.fromEntries(REPORT_FIELDS.map((f) => [fieldPath(f), figures[f.key] ?? '']));
}

/** A validation code in the filer's words (the field is named by whoever shows it). */
export function validationText(code: string, t: Messages): string {
  switch (code) {
    case 'REQUIRED':
      return t.fieldRequired;
    case 'NOT_AN_INTEGER':
    case 'PRECISION_LOST':
      return t.fieldNotNumber;
    case 'NEGATIVE':
      return t.fieldNegative;
    case 'TOO_LARGE':
      return t.fieldTooLarge;
    case 'OUT_OF_RANGE':
      return t.fieldOutOfRange;
    default:
      return t.fieldInvalid;
  }
}

/** Validation's field errors in the filer's words, next to the figures they name. */
export function validationErrors(errors: readonly FieldError[], t: Messages): FormErrors {
  const byField = new Map<string, string>();
  const general: string[] = [];
  const fields = new Set(REPORT_FIELDS.map(fieldPath));
  for (const e of errors) {
    if (fields.has(e.field)) byField.set(e.field, byField.get(e.field) ?? validationText(e.code, t));
    else general.push(e.message);
  }
  return { byField, general };
}

/** The domain's findings on the figures (a part above its total...) in the filer's words, next to the figure they name. */
export function ruleErrors(issues: readonly ReportIssue[], lang: Language): FormErrors {
  const byField = new Map<string, string>();
  const general: string[] = [];
  for (const issue of issues) {
    const text = issueText(issue, lang, 'enterprise');
    if (issue.field && !byField.has(issue.field)) byField.set(issue.field, text);
    else general.push(text);
  }
  return { byField, general };
}
