import { dueInstant } from './due-date';
import { isIsoDate, localDate } from './local-time';
import { quarterEndInstant, quarterStartInstant } from './quarter';
import { QUARTER_RANGE } from './quarter-range';

/** Days as 'YYYY-MM-DD' from `first` to `last`, both included. */
interface DayRange {
  readonly first: string;
  readonly last: string;
  readonly text: string;
}

const dayRange = (first: string, last: string): DayRange => ({ first, last, text: `${first} to ${last}` });
const within = (range: DayRange, day: string) => isIsoDate(day) && day >= range.first && day <= range.last;

/**
 * Registry dates (operating from and until, project dates): enterprises of the province may have
 * operated long before their first report (state companies of the 1950s), so from 1900; to the end
 * of the last reporting year.
 */
export const REGISTRY_DAYS = dayRange('1900-01-01', '2099-12-31');

/** A monthly publication covers the latest quarter past due: the first can be published on the due day of 2000-Q1. */
export const PUBLICATION_DAYS = dayRange(localDate(dueInstant(QUARTER_RANGE.first)), REGISTRY_DAYS.last);

const firstReceipt = quarterStartInstant(QUARTER_RANGE.first);
const afterLastReceipt = quarterEndInstant(QUARTER_RANGE.last);

/** Receipt stamps of paper forms: within the reporting quarters, Vietnam time. */
export const RECEIPT_INSTANTS = {
  first: firstReceipt,
  text: `${localDate(firstReceipt)}T00:00:00+07:00 to ${localDate(new Date(afterLastReceipt.getTime() - 1))}T23:59:59+07:00`,
} as const;

export function isRegistryDay(day: string): boolean {
  return within(REGISTRY_DAYS, day);
}

export function isPublicationDay(day: string): boolean {
  return within(PUBLICATION_DAYS, day);
}

export function isReceiptInstant(at: Date): boolean {
  const t = at.getTime();
  return t >= firstReceipt.getTime() && t < afterLastReceipt.getTime();
}
