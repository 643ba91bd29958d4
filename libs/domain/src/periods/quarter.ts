import { addDays, localDate, localMidnight } from './local-time';
import { isReportingYear } from './quarter-range';

export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

const QUARTER_TEXT = /^(\d{4})-Q([1-4])$/;

/** A quarter written YYYY-Qn within the reporting quarters (QUARTER_RANGE), else null. */
export function parseQuarter(text: string): Quarter | null {
  const match = QUARTER_TEXT.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (!isReportingYear(year)) return null;
  return { year, quarter: Number(match[2]) as Quarter['quarter'] };
}

export function formatQuarter(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function quarterIndex(q: Quarter): number {
  return q.year * 4 + q.quarter - 1;
}

export function quarterFromIndex(index: number): Quarter {
  if (!Number.isSafeInteger(index)) throw new RangeError(`Quarter index must be an integer, got ${index}`);
  const year = Math.floor(index / 4);
  return { year, quarter: (index - year * 4 + 1) as Quarter['quarter'] };
}

export function addQuarters(q: Quarter, n: number): Quarter {
  return quarterFromIndex(quarterIndex(q) + n);
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return quarterIndex(a) - quarterIndex(b);
}

export function quarterFirstDay(q: Quarter): string {
  const month = (q.quarter - 1) * 3 + 1;
  return `${q.year}-${String(month).padStart(2, '0')}-01`;
}

export function quarterLastDay(q: Quarter): string {
  return addDays(quarterFirstDay(addQuarters(q, 1)), -1);
}

export function quarterStartInstant(q: Quarter): Date {
  return localMidnight(quarterFirstDay(q));
}

export function quarterEndInstant(q: Quarter): Date {
  return quarterStartInstant(addQuarters(q, 1));
}

export function hasEnded(q: Quarter, now: Date): boolean {
  return now.getTime() >= quarterEndInstant(q).getTime();
}

// Round-tripping through localMidnight validates the text without a second validator.
export function quarterOfDate(day: string): Quarter {
  return quarterOfInstant(localMidnight(day));
}

export function quarterOfInstant(instant: Date): Quarter {
  const day = localDate(instant);
  const month = Number(day.slice(5, 7));
  return { year: Number(day.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}
