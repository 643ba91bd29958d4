import { OperatingInterval, operatedDuring } from '../registry/operating-interval';
import { dueInstant } from './due-date';
import { addDays, daysBetween, localDate } from './local-time';
import { addQuarters, hasEnded, Quarter, quarterEndInstant, quarterLastDay, quarterOfInstant } from './quarter';

/** A quarter an enterprise is expected to report, as its filing calendar shows it. */
export interface FilingQuarter {
  readonly quarter: Quarter;
  /** Filing opens once the quarter has ended. */
  readonly opensAt: Date;
  readonly open: boolean;
  /** The last day to file on time (Vietnam dates): the day before the due instant. */
  readonly lastDay: string;
  /** Days from today to the last day: 0 on the day itself, negative once overdue. */
  readonly daysLeft: number;
}

/**
 * The quarters an enterprise is expected to file, newest first: the current one (open once it ends),
 * then the ended quarters it operated in, at most `count` in all. Reports of older quarters are still
 * shown by whoever lists the enterprise's history; this is what it owes.
 */
export function expectedQuarters(e: OperatingInterval, now: Date, count = 8): FilingQuarter[] {
  const today = localDate(now);
  const quarters: FilingQuarter[] = [];
  for (let q = quarterOfInstant(now); quarters.length < count && quarterLastDay(q) >= e.operatingFrom; q = addQuarters(q, -1)) {
    if (!operatedDuring(e, q)) continue;
    const lastDay = addDays(localDate(dueInstant(q)), -1);
    quarters.push({ quarter: q, opensAt: quarterEndInstant(q), open: hasEnded(q, now), lastDay, daysLeft: daysBetween(today, lastDay) });
  }
  return quarters;
}
