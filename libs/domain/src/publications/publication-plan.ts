import { dueInstant } from '../periods/due-date';
import { localMidnight } from '../periods/local-time';
import { PeriodSpec, yearToDate } from '../periods/period-spec';
import { addQuarters, formatQuarter, Quarter, quarterEndInstant, quarterOfInstant } from '../periods/quarter';

/** What a monthly publication covers, as the schedule sees it on its day at 07:00 Vietnam time. */
export interface PublicationPlan {
  /** 'YYYY-MM': one regular publication per month. */
  readonly month: string;
  readonly publishedAt: Date;
  /** The latest quarter whose due date has passed. */
  readonly latestQuarter: Quarter;
  /** Q1 of that quarter's year up to it. */
  readonly yearToDate: PeriodSpec;
  /** The quarter now being filed: the latest that has ended. */
  readonly filingQuarter: Quarter;
}

const PUBLISH_HOUR_MS = 7 * 3_600_000;

export function publicationPlan(day: string): PublicationPlan {
  const publishedAt = new Date(localMidnight(day).getTime() + PUBLISH_HOUR_MS);
  let filingQuarter = addQuarters(quarterOfInstant(publishedAt), -1);
  while (quarterEndInstant(addQuarters(filingQuarter, 1)) <= publishedAt) filingQuarter = addQuarters(filingQuarter, 1);
  let latestQuarter = filingQuarter;
  while (dueInstant(latestQuarter) > publishedAt) latestQuarter = addQuarters(latestQuarter, -1);
  return { month: day.slice(0, 7), publishedAt, latestQuarter, yearToDate: yearToDate(latestQuarter), filingQuarter };
}

export function describePlan(plan: PublicationPlan): { latestQuarter: string; yearToDate: string; filingQuarter: string } {
  return {
    latestQuarter: formatQuarter(plan.latestQuarter),
    yearToDate: plan.yearToDate.label,
    filingQuarter: formatQuarter(plan.filingQuarter),
  };
}
