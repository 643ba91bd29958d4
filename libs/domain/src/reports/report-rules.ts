import { dueInstant, isLate } from '../periods/due-date';
import { toLocalIso } from '../periods/local-time';
import { formatQuarter, hasEnded, Quarter, quarterEndInstant, quarterLastDay } from '../periods/quarter';
import { OperatingInterval, operatedDuring } from '../registry/operating-interval';
import { MinimumWageEntry, minimumWageEntryOn, WageRegion } from '../wages/minimum-wage';
import { growthPercent } from './percent';
import { effectiveAverageWorkers, ReportFigures, workerMonths } from './report-figures';
import { reportIssue as issue, ReportIssue } from './report-issue';

/** Board staff and admins file as 'board'. */
export type FilerKind = 'enterprise' | 'board';

export interface ComparableReport {
  readonly period: Quarter;
  readonly grossOutput: bigint;
  readonly workers: number;
}

export type RegisteredEnterprise = OperatingInterval & { readonly wageRegion: WageRegion };

export interface RuleContext {
  readonly period: Quarter;
  /** when this submission was received */
  readonly receivedAt: Date;
  readonly filer: FilerKind;
  /** null = the tax code is not in the registry */
  readonly enterprise: RegisteredEnterprise | null;
  readonly periodLockedAtReceipt: boolean;
  /** receivedAt of the first accepted revision of this enterprise-quarter, or receivedAt if none yet */
  readonly firstReceivedAt: Date;
  /** the enterprise's current accepted report of the quarter before */
  readonly previousQuarter: ComparableReport | null;
  readonly sameQuarterLastYear: ComparableReport | null;
  readonly minimumWages: readonly MinimumWageEntry[];
}

/** Every rule at once, so a filer sees all problems in one round trip. */
export function evaluateReport(figures: ReportFigures, ctx: RuleContext): ReportIssue[] {
  const figureIssues = figureRuleIssues(figures);
  // Without a registry entry there is no operating interval, wage region or history to judge against.
  if (ctx.enterprise === null) {
    return [issue('UNKNOWN_ENTERPRISE', 'taxCode', 'The tax code is not in the enterprise registry.'), ...figureIssues];
  }
  return [
    ...notOperating(ctx.enterprise, ctx.period),
    ...periodNotEnded(ctx),
    ...periodLocked(ctx),
    ...figureIssues,
    ...belowMinimumWage(figures, ctx.enterprise.wageRegion, ctx),
    ...outlierChanges(figures, ctx),
    ...late(ctx),
  ];
}

function notOperating(enterprise: OperatingInterval, period: Quarter): ReportIssue[] {
  if (operatedDuring(enterprise, period)) return [];
  const { operatingFrom, operatingUntil } = enterprise;
  return [
    issue(
      'ENTERPRISE_NOT_OPERATING',
      'period',
      `The enterprise did not operate during ${formatQuarter(period)} (operating from ${operatingFrom} until ${operatingUntil ?? 'now'}).`,
      { period: formatQuarter(period), operatingFrom, operatingUntil },
    ),
  ];
}

// Applies to board filers too: a quarter that has not ended cannot have complete figures.
function periodNotEnded(ctx: RuleContext): ReportIssue[] {
  if (hasEnded(ctx.period, ctx.receivedAt)) return [];
  const endsAt = toLocalIso(quarterEndInstant(ctx.period));
  const receivedAt = toLocalIso(ctx.receivedAt);
  return [
    issue(
      'PERIOD_NOT_ENDED',
      'period',
      `${formatQuarter(ctx.period)} has not ended: it ends at ${endsAt}, the report was received at ${receivedAt}.`,
      {
        period: formatQuarter(ctx.period),
        receivedAt,
        endsAt,
      },
    ),
  ];
}

// The board may file into a locked quarter to load history and corrections.
function periodLocked(ctx: RuleContext): ReportIssue[] {
  if (!ctx.periodLockedAtReceipt || ctx.filer !== 'enterprise') return [];
  const period = formatQuarter(ctx.period);
  return [issue('PERIOD_LOCKED', 'period', `${period} is locked by the board; enterprises can no longer file into it.`, { period })];
}

/** The rules that need nothing but the figures themselves: a form can check them as the filer types. */
export function figureRuleIssues(figures: ReportFigures): ReportIssue[] {
  return [...partsExceedingTotal(figures), ...wagesAndWorkers(figures), ...constantAboveCurrent(figures)];
}

// averageWorkers is not a part of workers, so it is not checked here.
const WORKER_PARTS = ['femaleWorkers', 'foreignWorkers', 'localWorkers'] as const;

function partsExceedingTotal(f: ReportFigures): ReportIssue[] {
  return WORKER_PARTS.flatMap((part) => {
    const value = f[part];
    if (value === null || value <= f.workers) return [];
    return [
      issue('PART_EXCEEDS_TOTAL', `employment.${part}`, `${part} (${value}) exceeds workers (${f.workers}).`, {
        [part]: value,
        workers: f.workers,
      }),
    ];
  });
}

function wagesAndWorkers(f: ReportFigures): ReportIssue[] {
  const details = { wageFund: f.wageFund.toString(), workers: f.workers };
  if (f.wageFund > 0n && f.workers === 0) {
    return [issue('WAGES_WITHOUT_WORKERS', 'employment.workers', `wageFund (${f.wageFund}) is reported but workers is 0.`, details)];
  }
  if (f.workers > 0 && f.wageFund === 0n) {
    return [issue('WORKERS_WITHOUT_WAGES', 'wages.wageFund', `workers (${f.workers}) is reported but wageFund is 0.`, details)];
  }
  return [];
}

// Prices have risen since 2010, so output at 2010 prices should not exceed output at current prices.
function constantAboveCurrent(f: ReportFigures): ReportIssue[] {
  const constant = f.grossOutputConstant2010;
  if (constant === null || constant <= f.grossOutput) return [];
  return [
    issue(
      'CONSTANT_ABOVE_CURRENT',
      'production.grossOutputConstant2010',
      `grossOutputConstant2010 (${constant}) exceeds grossOutput (${f.grossOutput}).`,
      { grossOutputConstant2010: constant.toString(), grossOutput: f.grossOutput.toString() },
    ),
  ];
}

// The minimum in force on the quarter's last day applies; compared as wageFund < minimum × worker-months, without division.
function belowMinimumWage(f: ReportFigures, region: WageRegion, ctx: RuleContext): ReportIssue[] {
  if (effectiveAverageWorkers(f) === 0) return [];
  const entry = minimumWageEntryOn(ctx.minimumWages, region, quarterLastDay(ctx.period));
  if (entry === null) return [];
  const months = BigInt(workerMonths(f));
  if (f.wageFund >= entry.monthly * months) return [];
  // Rounded down so the wage shown is always below the minimum when the rule fires.
  const perWorker = f.wageFund / months;
  return [
    issue(
      'BELOW_MINIMUM_WAGE',
      'wages.wageFund',
      `The monthly wage per worker (${perWorker}) is below the region ${region} minimum wage (${entry.monthly}) ` +
        `in force since ${entry.effectiveFrom}.`,
      {
        monthlyWagePerWorker: perWorker.toString(),
        minimumWage: entry.monthly.toString(),
        wageRegion: region,
        effectiveFrom: entry.effectiveFrom,
      },
    ),
  ];
}

interface Measure {
  readonly name: 'grossOutput' | 'workers';
  readonly field: string;
  readonly value: (r: ComparableReport | ReportFigures) => bigint;
  /** money travels as a string, counts as a number */
  readonly show: (value: bigint) => string | number;
}

const OUTLIER_MEASURES: readonly Measure[] = [
  { name: 'grossOutput', field: 'production.grossOutput', value: (r) => r.grossOutput, show: String },
  { name: 'workers', field: 'employment.workers', value: (r) => BigInt(r.workers), show: Number },
];

function outlierChanges(f: ReportFigures, ctx: RuleContext): ReportIssue[] {
  const compared = [ctx.previousQuarter, ctx.sameQuarterLastYear].filter((r): r is ComparableReport => r !== null);
  return OUTLIER_MEASURES.flatMap((measure) =>
    compared.flatMap((report) => outlierChange(measure, measure.value(f), measure.value(report), report.period)),
  );
}

function outlierChange(measure: Measure, current: bigint, previous: bigint, comparedPeriod: Quarter): ReportIssue[] {
  // Growth from zero is undefined, so there is nothing to compare against.
  if (previous === 0n) return [];
  const doubledChange = 2n * (current - previous);
  // |current − previous| × 2 > previous, i.e. more than 50%.
  if (doubledChange <= previous && -doubledChange <= previous) return [];
  const changePct = growthPercent(current, previous);
  const compared = formatQuarter(comparedPeriod);
  return [
    issue(
      'OUTLIER_CHANGE',
      measure.field,
      `${measure.name} changed by ${changePct}% against ${compared} (from ${previous} to ${current}), more than 50%.`,
      { current: measure.show(current), previous: measure.show(previous), comparedPeriod: compared, changePct },
    ),
  ];
}

// Judged on the first accepted revision, so a later amendment of an on-time report is not late.
function late(ctx: RuleContext): ReportIssue[] {
  if (!isLate(ctx.firstReceivedAt, ctx.period)) return [];
  const receivedAt = toLocalIso(ctx.firstReceivedAt);
  const dueAt = toLocalIso(dueInstant(ctx.period));
  return [
    issue(
      'LATE',
      'period',
      `The ${formatQuarter(ctx.period)} report was first received at ${receivedAt}, on or after the due instant ${dueAt}.`,
      {
        receivedAt,
        dueAt,
      },
    ),
  ];
}
