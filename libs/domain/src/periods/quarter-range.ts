import type { Quarter } from './quarter';

/**
 * The quarters reports are filed for: 2000-Q1 to 2099-Q4. The zones of the province and the form
 * (Mẫu A.III.1) date from the 2000s, so older figures are never keyed in; four-digit years keep every
 * label sortable as text, and the sentinel '9999-Q4' (no next report) after every real quarter.
 */
export const QUARTER_RANGE = {
  first: { year: 2000, quarter: 1 } as Quarter,
  last: { year: 2099, quarter: 4 } as Quarter,
  text: '2000-Q1 to 2099-Q4',
} as const;

export function isReportingYear(year: number): boolean {
  return Number.isInteger(year) && year >= QUARTER_RANGE.first.year && year <= QUARTER_RANGE.last.year;
}
