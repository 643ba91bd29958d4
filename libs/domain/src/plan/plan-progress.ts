import type { AggregateRow } from '../aggregation/quarter-sums';
import type { ZoneKind } from '../aggregation/zone-summary';
import { daysBetween } from '../periods/local-time';
import { addQuarters, formatQuarter, Quarter, quarterLastDay, quarterOfDate } from '../periods/quarter';
import { ratioPercent } from '../reports/percent';
import { comparePlanKeys, planKey, PlanMeasure } from './plan-keys';

/**
 * The province's plan as of a day: each target's figure from the registry as it was that day and the
 * accepted reports, the share reached, and whether it is on or above the linear path to its deadline;
 * and the occupancy of the zones' leasable land. Figures are kept in hundredths (bigint) so that
 * hectares with two decimals and percentages add and compare exactly.
 */

/** The start of the province's plan (Quy hoạch tỉnh Lào Cai thời kỳ 2021–2030): the path to a deadline starts here. */
export const PLAN_START = '2021-01-01';

export interface PlanZoneFacts {
  readonly code: string;
  readonly kind: ZoneKind;
  /** Natural area, hectares in decimal text ('110.50'). */
  readonly areaHa: string | null;
  readonly establishedOn: string | null;
  readonly wastewaterOperatingFrom: string | null;
}

export interface PlanLandEntry {
  readonly zoneCode: string;
  readonly effectiveFrom: string;
  readonly leasableHa: string;
}

export interface PlanProjectFacts {
  readonly zoneCode: string;
  readonly status: 'operating' | 'under_construction' | 'suspended' | 'terminated';
  readonly operatingFrom: string | null;
  readonly endedAt: string | null;
  readonly registeredOn: string | null;
  /** USD in digits. */
  readonly registeredCapitalUsd: string | null;
  readonly leasedHa: string | null;
  readonly leasedFrom: string | null;
}

/** The registry of the zones the plan is computed over, and the aggregate rows of `planQuarters`. */
export interface PlanFacts {
  readonly zones: readonly PlanZoneFacts[];
  readonly land: readonly PlanLandEntry[];
  readonly projects: readonly PlanProjectFacts[];
  readonly rows: readonly AggregateRow[];
}

export interface PlanTargetInput {
  readonly key: string;
  /** Decimal text as stored ('24000000000000.00'). */
  readonly value: string;
  readonly unit: string;
  readonly deadline: string;
  readonly source: string;
}

export interface TargetProgress {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly deadline: string;
  readonly source: string;
  /** The figure as of the day; null where it has no meaning yet (a share of no clusters). */
  readonly current: number | null;
  readonly sharePct: number | null;
  readonly onTrack: boolean | null;
}

export interface ZoneOccupancy {
  /** Null on the total row, which comes last. */
  readonly zoneCode: string | null;
  readonly leasableHa: number;
  readonly leasedHa: number;
  readonly occupancyPct: number | null;
}

/** Decimal text with at most two decimals as hundredths: '110.5' → 11050n. */
export function toHundredths(text: string): bigint {
  const [whole, fraction = ''] = text.split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole.replace('-', '')) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2)));
}

const fromHundredths = (h: bigint) => Number(h) / 100;

/** The last quarter whose last day is on or before `day`. */
export function lastQuarterEnded(day: string): Quarter {
  const q = quarterOfDate(day);
  return quarterLastDay(q) <= day ? q : addQuarters(q, -1);
}

const JOBS_WINDOW = 4;

/** The quarters `jobs` reads as of `day`: the last four ended, each enterprise counted from its latest report among them. */
function jobsQuarters(day: string): string[] {
  const last = lastQuarterEnded(day);
  return Array.from({ length: JOBS_WINDOW }, (_, i) => formatQuarter(addQuarters(last, i - JOBS_WINDOW + 1)));
}

const QUARTERS = [1, 2, 3, 4] as const;
const yearQuarters = (year: number) => QUARTERS.map((quarter) => formatQuarter({ year, quarter }));

/** The quarters whose aggregate rows the plan of `keys` as of `asOf` reads (its path's start included). */
export function planQuarters(keys: readonly string[], asOf: string): string[] {
  const quarters = new Set<string>();
  for (const key of keys) {
    const measure = planKey(key)?.measure;
    if (measure?.kind === 'jobs') for (const day of [asOf, PLAN_START]) jobsQuarters(day).forEach((q) => quarters.add(q));
    if (measure?.kind === 'park_output') yearQuarters(measure.year).forEach((q) => quarters.add(q));
  }
  return [...quarters].sort();
}

const established = (z: PlanZoneFacts, day: string) => z.establishedOn !== null && z.establishedOn <= day;

/** A project ended on or before the day, or terminated or suspended without an end date, no longer counts. */
const inForce = (p: PlanProjectFacts, day: string) =>
  p.endedAt === null ? !(p.status === 'terminated' || p.status === 'suspended') : p.endedAt > day;

/** The figure of a measure as of `day`, in hundredths; null where it has no meaning (a share of no clusters). */
export function planFigure(measure: PlanMeasure, facts: PlanFacts, day: string): bigint | null {
  const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
  switch (measure.kind) {
    case 'zone_count':
      return BigInt(facts.zones.filter((z) => z.kind === measure.zoneKind && established(z, day)).length) * 100n;
    case 'zone_area':
      return sum(facts.zones.filter((z) => z.kind === measure.zoneKind && established(z, day)).map((z) => toHundredths(z.areaHa ?? '0')));
    case 'investment_usd':
      return sum(
        facts.projects
          .filter((p) => p.registeredCapitalUsd !== null && registeredBy(p, day) && inForce(p, day))
          .map((p) => BigInt(p.registeredCapitalUsd!) * 100n),
      );
    case 'jobs': {
      const window = jobsQuarters(day);
      const end = window[window.length - 1];
      const rows = facts.rows.filter((r) => window.includes(r.period) && r.nextPeriod > end);
      return sum(rows.map((r) => r.sums.workers)) * 100n;
    }
    case 'cluster_wastewater': {
      const clusters = facts.zones.filter((z) => z.kind === 'industrial_cluster' && established(z, day));
      const served = clusters.filter((z) => z.wastewaterOperatingFrom !== null && z.wastewaterOperatingFrom <= day);
      const pct = ratioPercent(BigInt(served.length), BigInt(clusters.length));
      return pct === null ? null : BigInt(Math.round(pct * 100));
    }
    case 'park_output': {
      const parks = new Set(facts.zones.filter((z) => z.kind === 'industrial_park').map((z) => z.code));
      const ended = new Set(outputQuartersEnded(measure.year, day));
      const rows = facts.rows.filter((r) => parks.has(r.zoneCode) && ended.has(r.period));
      return sum(rows.map((r) => r.sums.grossOutputConstant2010)) * 100n;
    }
  }
}

/** Capital counts from its registration day, or from the day it began operating when that is not recorded. */
export const registeredBy = (p: PlanProjectFacts, day: string) => {
  const from = p.registeredOn ?? p.operatingFrom;
  return from !== null && from <= day;
};

/** The quarters of `year` ended by `day`. */
function outputQuartersEnded(year: number, day: string): string[] {
  return QUARTERS.filter((quarter) => quarterLastDay({ year, quarter }) <= day).map((quarter) => formatQuarter({ year, quarter }));
}

/**
 * Whether `current` is at or above the linear path to `value` at the deadline. A year's output grows
 * from nothing on 1 January by a quarter of its target with each quarter ended (reports come by
 * quarter); every other figure from what it was at PLAN_START, by the day.
 */
function onPath(measure: PlanMeasure, current: bigint, value: bigint, deadline: string, facts: PlanFacts, asOf: string): boolean {
  if (measure.kind === 'park_output') {
    return current * 4n >= value * BigInt(outputQuartersEnded(measure.year, asOf).length);
  }
  const baseline = planFigure(measure, facts, PLAN_START) ?? 0n;
  const total = BigInt(Math.max(daysBetween(PLAN_START, deadline), 1));
  const elapsed = BigInt(Math.min(Math.max(daysBetween(PLAN_START, asOf), 0), Number(total)));
  // current ≥ baseline + (value − baseline) × elapsed / total, without dividing.
  return current * total >= baseline * total + (value - baseline) * elapsed;
}

/** Each target's progress as of `asOf`, known keys only, in the plan's order. */
export function planProgress(targets: readonly PlanTargetInput[], facts: PlanFacts, asOf: string): TargetProgress[] {
  return [...targets]
    .sort((a, b) => comparePlanKeys(a.key, b.key))
    .flatMap((t) => {
      const known = planKey(t.key);
      if (!known) return [];
      const value = toHundredths(t.value);
      const current = planFigure(known.measure, facts, asOf);
      return [
        {
          key: t.key,
          label: known.label,
          value: fromHundredths(value),
          unit: t.unit,
          deadline: t.deadline,
          source: t.source,
          current: current === null ? null : fromHundredths(current),
          sharePct: current === null ? null : ratioPercent(current, value),
          onTrack: current === null ? null : onPath(known.measure, current, value, t.deadline, facts, asOf),
        },
      ];
    });
}

/** The leasable land of a zone in force on `day`: its latest entry on or before it, 0 without one. */
function leasableOn(land: readonly PlanLandEntry[], zoneCode: string, day: string): bigint {
  const entries = land.filter((l) => l.zoneCode === zoneCode && l.effectiveFrom <= day);
  const latest = entries.reduce<PlanLandEntry | null>((a, l) => (a === null || l.effectiveFrom > a.effectiveFrom ? l : a), null);
  return latest ? toHundredths(latest.leasableHa) : 0n;
}

/** Land leased from `leasedFrom` (else its registration, else operation) while the project is in force. */
function leasedOn(projects: readonly PlanProjectFacts[], zoneCode: string, day: string): bigint {
  return projects
    .filter((p) => p.zoneCode === zoneCode && p.leasedHa !== null && inForce(p, day))
    .filter((p) => {
      const from = p.leasedFrom ?? p.registeredOn ?? p.operatingFrom;
      return from !== null && from <= day;
    })
    .reduce((a, p) => a + toHundredths(p.leasedHa!), 0n);
}

/** Leased ÷ leasable land per zone with land on `day` (by code), then the total of those zones. */
export function planOccupancy(facts: PlanFacts, day: string): ZoneOccupancy[] {
  const row = (zoneCode: string | null, leasable: bigint, leased: bigint): ZoneOccupancy => ({
    zoneCode,
    leasableHa: fromHundredths(leasable),
    leasedHa: fromHundredths(leased),
    occupancyPct: ratioPercent(leased, leasable),
  });
  const zones = [...facts.zones]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((z) => ({ code: z.code, leasable: leasableOn(facts.land, z.code, day), leased: leasedOn(facts.projects, z.code, day) }))
    .filter((z) => facts.land.some((l) => l.zoneCode === z.code && l.effectiveFrom <= day));
  const total = (pick: (z: (typeof zones)[number]) => bigint) => zones.reduce((a, z) => a + pick(z), 0n);
  return [
    ...zones.map((z) => row(z.code, z.leasable, z.leased)),
    row(
      null,
      total((z) => z.leasable),
      total((z) => z.leased),
    ),
  ];
}
