import { formatQuarter } from '../periods/quarter';
import { PeriodSpec, periodEnd, shiftYears, yearToDate } from '../periods/period-spec';
import { Ownership, OWNERSHIPS } from '../registry/ownership-history';
import { divideRounded, growthPercent, ratioPercent } from '../reports/percent';
import { AggregateRow, QuarterSums, sumAll, SumKey } from './quarter-sums';

export type ZoneKind = 'industrial_park' | 'industrial_cluster';
export const ZONE_KINDS: readonly ZoneKind[] = ['industrial_park', 'industrial_cluster'];

export interface ZoneInfo {
  readonly code: string;
  readonly name: string;
  readonly kind: ZoneKind;
}

/** The figures of a zone or a total over a period; null where nobody reported. */
export interface SummaryFigures {
  reportsExpected: number;
  reportsReceived: number;
  reportsOnTime: number;
  completenessPct: number | null;
  operatingProjects: number;
  grossOutput: bigint | null;
  grossOutputConstant2010: bigint | null;
  revenue: bigint | null;
  exportValueUsd: bigint | null;
  importValueUsd: bigint | null;
  stateBudgetPaid: bigint | null;
  realizedCapital: bigint | null;
  wageFund: bigint | null;
  workers: number | null;
  femaleWorkers: number | null;
  foreignWorkers: number | null;
  localWorkers: number | null;
  averageMonthlyWage: bigint | null;
  grossOutputSharePct: number | null;
  growthYoYPct: number | null;
  growthYoYCurrentPct: number | null;
  planTarget: bigint | null;
  planProgressPct: number | null;
  warnings: number;
}

/** The figures split by the filing enterprise's block, when asked for (`?by=ownership`). */
export interface BlockSplit {
  blocks?: Record<Ownership, SummaryFigures>;
}

export interface ZoneSummary extends SummaryFigures, BlockSplit {
  zoneCode: string;
  zoneName: string;
  kind: ZoneKind;
}

export interface Summary {
  period: string;
  quarters: string[];
  zones: ZoneSummary[];
  totals: Record<ZoneKind | 'all', SummaryFigures & BlockSplit>;
}

/** Per block, a count per zone: the registry's share of a split summary. */
export type BlockCounts = ReadonlyMap<Ownership, ReadonlyMap<string, number>>;

export interface SummaryInput {
  readonly period: PeriodSpec;
  readonly zones: readonly ZoneInfo[];
  /** Aggregate rows covering the period, the same quarters a year earlier and the year to date. */
  readonly rows: readonly AggregateRow[];
  /** Enterprise-quarters in which the enterprise operated, per zone. */
  readonly expected: ReadonlyMap<string, number>;
  /** Projects operating at the end of the period, per zone. */
  readonly operatingProjects: ReadonlyMap<string, number>;
  /** Annual targets at 2010 prices for the year the period ends in, per zone. */
  readonly targets: ReadonlyMap<string, bigint>;
  /**
   * Gross output over the period of all zones of each kind (a kind nobody reported in left out), when
   * `zones` are only some of them (one zone, a board's scope): a share is within the whole kind, not
   * within the zones asked for. Absent when `zones` are all zones.
   */
  readonly kindGrossOutput?: ReadonlyMap<ZoneKind, bigint>;
  /**
   * Given, every zone and total is split into blocks as well: reports by their enterprise's block at the
   * end of their quarter (the rows' `ownership`), expected reports and operating projects likewise.
   */
  readonly blocks?: { readonly expected: BlockCounts; readonly operatingProjects: BlockCounts };
}

/** The quarters whose aggregate rows a summary of `period` reads. */
export function quartersNeeded(period: PeriodSpec): string[] {
  const all = [...period.quarters, ...shiftYears(period, -1).quarters, ...yearToDate(periodEnd(period)).quarters];
  return [...new Set(all.map(formatQuarter))].sort();
}

/** The sums one zone (or group) needs: flows over P, stocks at its end, a year earlier, the year to date. */
interface Parts {
  flows: QuarterSums;
  stocks: QuarterSums;
  previous: QuarterSums;
  yearToDate: QuarterSums;
  expected: number;
  projects: number;
  target: bigint | null;
}

export function buildSummary(input: SummaryInput): Summary {
  const labels = new Set(input.period.quarters.map(formatQuarter));
  const previousLabels = new Set(shiftYears(input.period, -1).quarters.map(formatQuarter));
  const ytdLabels = new Set(yearToDate(periodEnd(input.period)).quarters.map(formatQuarter));
  const end = formatQuarter(periodEnd(input.period));

  // A block's parts are its rows only; it has no target of its own (a target is the zone's).
  const partsOf = (zone: ZoneInfo, block: Ownership | null): Parts => {
    const rows = input.rows.filter((r) => r.zoneCode === zone.code && (block === null || r.ownership === block));
    const inPeriod = rows.filter((r) => labels.has(r.period));
    const count = (all: ReadonlyMap<string, number>, split: BlockCounts | undefined) =>
      (block === null ? all : split?.get(block))?.get(zone.code) ?? 0;
    return {
      flows: sumAll(inPeriod),
      stocks: sumAll(inPeriod.filter((r) => r.nextPeriod > end)),
      previous: sumAll(rows.filter((r) => previousLabels.has(r.period))),
      yearToDate: sumAll(rows.filter((r) => ytdLabels.has(r.period))),
      expected: count(input.expected, input.blocks?.expected),
      projects: count(input.operatingProjects, input.blocks?.operatingProjects),
      target: block === null ? (input.targets.get(zone.code) ?? null) : null,
    };
  };
  const split = input.blocks !== undefined;

  const zoneParts = input.zones.map((z) => ({ zone: z, parts: partsOf(z, null) }));
  const groupFigures = (kind: ZoneKind | 'all') => {
    const group = zoneParts.filter((x) => kind === 'all' || x.zone.kind === kind);
    const figures = figuresOf(combine(group.map((x) => x.parts)), null);
    if (!split) return figures;
    // A block's share of a total is of that total.
    return { ...figures, blocks: blocksOf((b) => figuresOf(combine(group.map((x) => partsOf(x.zone, b))), figures.grossOutput)) };
  };
  const totals = {
    industrial_park: groupFigures('industrial_park'),
    industrial_cluster: groupFigures('industrial_cluster'),
    all: groupFigures('all'),
  };
  const shareBase = (kind: ZoneKind) => (input.kindGrossOutput ? (input.kindGrossOutput.get(kind) ?? null) : totals[kind].grossOutput);
  const zones = zoneParts.map(({ zone, parts }): ZoneSummary => {
    const figures = { zoneCode: zone.code, zoneName: zone.name, kind: zone.kind, ...figuresOf(parts, shareBase(zone.kind)) };
    // A zone's block's share is within the whole kind, like the zone's: the blocks' shares add up to the zone's.
    return split ? { ...figures, blocks: blocksOf((b) => figuresOf(partsOf(zone, b), shareBase(zone.kind))) } : figures;
  });
  return { period: input.period.label, quarters: input.period.quarters.map(formatQuarter), zones, totals };
}

/** One figure set per block, in the order blocks are shown. */
export function blocksOf<T>(figures: (block: Ownership) => T): Record<Ownership, T> {
  return Object.fromEntries(OWNERSHIPS.map((b) => [b, figures(b)])) as Record<Ownership, T>;
}

function combine(parts: readonly Parts[]): Parts {
  const targets = parts.map((p) => p.target).filter((t): t is bigint => t !== null);
  return {
    flows: sumAll(parts.map((p) => p.flows)),
    stocks: sumAll(parts.map((p) => p.stocks)),
    previous: sumAll(parts.map((p) => p.previous)),
    // The year to date only feeds plan progress: a group's progress weighs the output of the zones that
    // have a target against the sum of those targets, else a zone without one inflates it.
    yearToDate: sumAll(parts.filter((p) => p.target !== null).map((p) => p.yearToDate)),
    expected: parts.reduce((n, p) => n + p.expected, 0),
    projects: parts.reduce((n, p) => n + p.projects, 0),
    target: targets.length > 0 ? targets.reduce((a, b) => a + b, 0n) : null,
  };
}

const reported = (s: QuarterSums, k: SumKey): bigint | null => (s.counts[k] > 0 ? s.sums[k] : null);
const headcount = (s: QuarterSums, k: SumKey): number | null => (s.counts[k] > 0 ? Number(s.sums[k]) : null);

/** Derives averages, shares, growth and progress from sums; `groupOutput` is the kind's total output. */
function figuresOf(p: Parts, groupOutput: bigint | null): SummaryFigures {
  const grossOutput = reported(p.flows, 'grossOutput');
  const constant = reported(p.flows, 'grossOutputConstant2010');
  const wageFund = reported(p.flows, 'wageFund');
  const previousConstant = reported(p.previous, 'grossOutputConstant2010');
  const previousCurrent = reported(p.previous, 'grossOutput');
  const ytdConstant = reported(p.yearToDate, 'grossOutputConstant2010');
  const shareBase = groupOutput ?? grossOutput;
  return {
    reportsExpected: p.expected,
    reportsReceived: p.flows.reports,
    reportsOnTime: p.flows.reportsOnTime,
    completenessPct: ratioPercent(BigInt(p.flows.reports), BigInt(p.expected)),
    operatingProjects: p.projects,
    grossOutput,
    grossOutputConstant2010: constant,
    revenue: reported(p.flows, 'revenue'),
    exportValueUsd: reported(p.flows, 'exportValueUsd'),
    importValueUsd: reported(p.flows, 'importValueUsd'),
    stateBudgetPaid: reported(p.flows, 'stateBudgetPaid'),
    realizedCapital: reported(p.flows, 'realizedCapital'),
    wageFund,
    workers: headcount(p.stocks, 'workers'),
    femaleWorkers: headcount(p.stocks, 'femaleWorkers'),
    foreignWorkers: headcount(p.stocks, 'foreignWorkers'),
    localWorkers: headcount(p.stocks, 'localWorkers'),
    averageMonthlyWage: wageFund === null ? null : divideRounded(wageFund, p.flows.sums.workerMonths),
    grossOutputSharePct: grossOutput === null || shareBase === null ? null : ratioPercent(grossOutput, shareBase),
    growthYoYPct: constant === null || previousConstant === null ? null : growthPercent(constant, previousConstant),
    growthYoYCurrentPct: grossOutput === null || previousCurrent === null ? null : growthPercent(grossOutput, previousCurrent),
    planTarget: p.target,
    planProgressPct: p.target === null || ytdConstant === null ? null : ratioPercent(ytdConstant, p.target),
    warnings: p.flows.reportsWithWarnings,
  };
}

export interface QuarterOutput {
  readonly quarter: string;
  /** null when nobody reported in the quarter. */
  readonly grossOutput: bigint | null;
}

/** Gross output of all the rows' zones in each quarter: what the summary of each quarter alone totals. */
export function grossOutputByQuarter(rows: readonly AggregateRow[], quarters: readonly string[]): QuarterOutput[] {
  return quarters.map((quarter) => ({ quarter, grossOutput: reported(sumAll(rows.filter((r) => r.period === quarter)), 'grossOutput') }));
}
