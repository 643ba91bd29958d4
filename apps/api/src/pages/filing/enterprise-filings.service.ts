import { Injectable } from '@nestjs/common';
import {
  Enterprise,
  EnterpriseReportsRepository,
  EnterprisesRepository,
  PeriodLocksRepository,
  SubmissionRecord,
  ZonesRepository,
} from '@app/database';
import {
  expectedQuarters,
  FilingQuarter,
  formatQuarter,
  hasEnded,
  operatedDuring,
  parseQuarter,
  quarterEndInstant,
  zoneLockState,
} from '@app/domain';

/** One quarter as its enterprise sees it: what it owes, what it filed, and whether it may still file. */
export interface EnterpriseQuarter {
  readonly period: string;
  /** Absent for a quarter no longer in the calendar (older, or outside the operating dates) that has reports. */
  readonly calendar: FilingQuarter | null;
  /** In the order received. */
  readonly submissions: readonly SubmissionRecord[];
  /** The accepted revision, else the latest submission: what the quarter's status and an amendment start from. */
  readonly current: SubmissionRecord | null;
  readonly locked: boolean;
}

export interface EnterpriseFiling {
  readonly enterprise: Enterprise;
  readonly zoneName: string;
  /** Newest first. */
  readonly quarters: readonly EnterpriseQuarter[];
}

/** Whether an enterprise may file a quarter now, and if not, why. */
export type FilingState =
  | { readonly kind: 'open'; readonly period: string; readonly quarter: EnterpriseQuarter }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'locked'; readonly period: string; readonly zoneName: string }
  | { readonly kind: 'not-ended'; readonly period: string; readonly opensAt: Date }
  | { readonly kind: 'not-operating'; readonly period: string };

/**
 * The quarter `asked` (by default the newest ended one not yet accepted, else the newest ended one) as
 * the enterprise may file it: open, or locked, not ended, outside its operating dates, not a quarter.
 */
export function filingState(filing: EnterpriseFiling, asked: string | undefined, now = new Date()): FilingState {
  const ended = filing.quarters.filter((q) => q.calendar?.open);
  const period = asked || (ended.find((q) => q.current?.status !== 'accepted') ?? ended[0])?.period;
  const quarter = period === undefined ? null : parseQuarter(period);
  if (period === undefined || quarter === null) return { kind: 'invalid' };
  if (!operatedDuring(filing.enterprise, quarter)) return { kind: 'not-operating', period };
  if (!hasEnded(quarter, now)) return { kind: 'not-ended', period, opensAt: quarterEndInstant(quarter) };
  // A quarter older than the calendar shows, without reports, is not in the list: its locks are the verdict's to judge.
  const known = filing.quarters.find((q) => q.period === period) ?? {
    period,
    calendar: null,
    submissions: [],
    current: null,
    locked: false,
  };
  if (known.locked) return { kind: 'locked', period, zoneName: filing.zoneName };
  return { kind: 'open', period, quarter: known };
}

/** What an enterprise's own pages read: its calendar of quarters, its submissions and the locks of its zone. */
@Injectable()
export class EnterpriseFilings {
  constructor(
    private readonly enterprises: EnterprisesRepository,
    private readonly zones: ZonesRepository,
    private readonly reports: EnterpriseReportsRepository,
    private readonly locks: PeriodLocksRepository,
  ) {}

  async read(taxCode: string, now = new Date()): Promise<EnterpriseFiling | null> {
    const enterprise = await this.enterprises.find(taxCode);
    if (!enterprise) return null;
    const [history, zone] = await Promise.all([this.reports.history(taxCode), this.zones.find(enterprise.zoneCode)]);
    const calendar = new Map(expectedQuarters(enterprise, now).map((q) => [formatQuarter(q.quarter), q]));
    const periods = [...new Set([...calendar.keys(), ...history.map((s) => s.period)])].sort().reverse();
    const locks = await this.locks.inPeriods(periods);
    const quarters = periods.map((period) => {
      const submissions = history.filter((s) => s.period === period);
      return {
        period,
        calendar: calendar.get(period) ?? null,
        submissions,
        current: submissions.find((s) => s.status === 'accepted') ?? submissions[submissions.length - 1] ?? null,
        locked: zoneLockState(locks, period, enterprise.zoneCode).locked,
      };
    });
    return { enterprise, zoneName: zone?.name ?? enterprise.zoneCode, quarters };
  }
}
