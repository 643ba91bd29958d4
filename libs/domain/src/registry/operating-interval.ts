import { Quarter, quarterFirstDay, quarterLastDay } from '../periods/quarter';

/** ISO dates; operatingUntil is inclusive and null while the enterprise still operates. */
export interface OperatingInterval {
  readonly operatingFrom: string;
  readonly operatingUntil: string | null;
}

// ISO dates order correctly as strings, so no parsing is needed.
export function operatingOn(e: OperatingInterval, day: string): boolean {
  return e.operatingFrom <= day && (e.operatingUntil === null || day <= e.operatingUntil);
}

export function operatedDuring(e: OperatingInterval, q: Quarter): boolean {
  return e.operatingFrom <= quarterLastDay(q) && (e.operatingUntil === null || quarterFirstDay(q) <= e.operatingUntil);
}
