import { addDays, localMidnight } from './local-time';
import { addQuarters, Quarter, quarterFirstDay, quarterOfInstant } from './quarter';

// A report is due before the 10th of the first month of the next quarter, Vietnam time.
const DUE_DAY_OF_MONTH = 10;

export function dueInstant(q: Quarter): Date {
  return localMidnight(addDays(quarterFirstDay(addQuarters(q, 1)), DUE_DAY_OF_MONTH - 1));
}

export function isLate(firstReceivedAt: Date, q: Quarter): boolean {
  return firstReceivedAt.getTime() >= dueInstant(q).getTime();
}

/** The latest quarter whose reports were due by `now`: the one the board looks at by default. */
export function latestQuarterPastDue(now: Date): Quarter {
  let q = addQuarters(quarterOfInstant(now), -1);
  while (dueInstant(q) > now) q = addQuarters(q, -1);
  return q;
}
