import { addQuarters, compareQuarters, formatQuarter, parseQuarter, Quarter, quarterFromIndex, quarterIndex } from './quarter';
import { QUARTER_RANGE } from './quarter-range';

/** One quarter, a calendar year or a range of quarters; quarters ascending and non-empty. */
export interface PeriodSpec {
  readonly label: string;
  readonly quarters: readonly Quarter[];
}

export type PeriodErrorCode = 'INVALID_PERIOD' | 'RANGE_REVERSED' | 'RANGE_TOO_LONG';

export class PeriodError extends Error {
  constructor(
    readonly field: string,
    readonly code: PeriodErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PeriodError';
  }
}

// Ten years bounds the work of one summary request.
const MAX_RANGE_QUARTERS = 40;
const YEAR_TEXT = /^\d{4}$/;

export function parsePeriod(text: string): PeriodSpec {
  if (YEAR_TEXT.test(text)) {
    // Parsing the year's Q1 reuses the supported-year bounds of parseQuarter.
    const q1 = parseQuarter(`${text}-Q1`);
    if (q1) return { label: text, quarters: quarterSpan(q1, addQuarters(q1, 3)) };
  }
  const quarter = parseQuarter(text);
  if (!quarter)
    throw new PeriodError(
      'period',
      'INVALID_PERIOD',
      `period must be a year YYYY or a quarter YYYY-Qn from ${QUARTER_RANGE.text}, got "${text}"`,
    );
  return rangeSpec(quarter, quarter);
}

export function periodRange(from: string, to: string): PeriodSpec {
  const first = requireQuarter('from', from);
  const last = requireQuarter('to', to);
  if (compareQuarters(first, last) > 0) {
    throw new PeriodError('to', 'RANGE_REVERSED', `to (${to}) is before from (${from})`);
  }
  const length = quarterIndex(last) - quarterIndex(first) + 1;
  if (length > MAX_RANGE_QUARTERS) {
    throw new PeriodError('to', 'RANGE_TOO_LONG', `range ${from}..${to} spans ${length} quarters, more than ${MAX_RANGE_QUARTERS}`);
  }
  return rangeSpec(first, last);
}

export function periodStart(spec: PeriodSpec): Quarter {
  return spec.quarters[0];
}

export function periodEnd(spec: PeriodSpec): Quarter {
  return spec.quarters[spec.quarters.length - 1];
}

export function shiftYears(spec: PeriodSpec, years: number): PeriodSpec {
  const quarters = spec.quarters.map((q) => addQuarters(q, years * 4));
  const label = YEAR_TEXT.test(spec.label) ? String(Number(spec.label) + years) : rangeLabel(quarters[0], quarters[quarters.length - 1]);
  return { label, quarters };
}

export function yearToDate(q: Quarter): PeriodSpec {
  return rangeSpec({ year: q.year, quarter: 1 }, q);
}

function requireQuarter(field: 'from' | 'to', text: string): Quarter {
  const quarter = parseQuarter(text);
  if (!quarter)
    throw new PeriodError(field, 'INVALID_PERIOD', `${field} must be a quarter YYYY-Qn from ${QUARTER_RANGE.text}, got "${text}"`);
  return quarter;
}

function rangeSpec(first: Quarter, last: Quarter): PeriodSpec {
  return { label: rangeLabel(first, last), quarters: quarterSpan(first, last) };
}

function rangeLabel(first: Quarter, last: Quarter): string {
  return compareQuarters(first, last) === 0 ? formatQuarter(first) : `${formatQuarter(first)}..${formatQuarter(last)}`;
}

function quarterSpan(first: Quarter, last: Quarter): Quarter[] {
  const start = quarterIndex(first);
  return Array.from({ length: quarterIndex(last) - start + 1 }, (_, i) => quarterFromIndex(start + i));
}
