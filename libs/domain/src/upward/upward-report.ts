import { Summary, SummaryFigures, ZONE_KINDS, ZoneKind } from '../aggregation/zone-summary';
import { addDays } from '../periods/local-time';
import { PeriodSpec, periodEnd, periodStart } from '../periods/period-spec';
import { formatQuarter, quarterFirstDay, quarterLastDay } from '../periods/quarter';
import { PlanLandEntry, planOccupancy, PlanProjectFacts, PlanZoneFacts, registeredBy } from '../plan/plan-progress';
import { Ownership, OWNERSHIPS } from '../registry/ownership-history';

/**
 * The board's periodic report to the ministry: per zone and in total, and each split into the FDI and
 * domestic blocks, the projects new in the period and operating at its end with their registered
 * capital, then the period's figures exactly as the split summary (`?by=ownership`) has them, leased
 * land and occupancy as the plan computes it on the period's last day, and central wastewater treatment.
 * Nothing is summed here that the summary or the plan already sums.
 */

export interface UpwardZoneFacts extends PlanZoneFacts {
  readonly wastewaterCapacityM3Day: number | null;
}

export interface UpwardProjectFacts extends PlanProjectFacts {
  /** Đồng in digits. */
  readonly registeredCapital: string | null;
  /** Its enterprise's block on the period's last day, as the summary counts operating projects. */
  readonly ownership: Ownership;
  /** Operating on the period's last day, by the rule the summary counts operating projects with. */
  readonly operating: boolean;
}

export interface UpwardReportInput {
  readonly period: PeriodSpec;
  /** The summary of the period over the same zones, split by ownership. */
  readonly summary: Summary;
  readonly zones: readonly UpwardZoneFacts[];
  readonly land: readonly PlanLandEntry[];
  readonly projects: readonly UpwardProjectFacts[];
}

/** One line of the report: a zone, a total, or one block of either. Null where nothing is recorded or reported. */
export interface UpwardFigures {
  readonly newProjects: number;
  readonly newCapital: bigint | null;
  readonly newCapitalUsd: bigint | null;
  readonly operatingProjects: number;
  readonly operatingCapital: bigint | null;
  readonly operatingCapitalUsd: bigint | null;
  readonly realizedCapital: bigint | null;
  readonly grossOutput: bigint | null;
  readonly revenue: bigint | null;
  readonly exportValueUsd: bigint | null;
  readonly importValueUsd: bigint | null;
  readonly stateBudgetPaid: bigint | null;
  readonly workers: number | null;
  readonly femaleWorkers: number | null;
  readonly foreignWorkers: number | null;
  /** A zone's (not a block's): its leasable land on the last day, null without any recorded. */
  readonly leasableHa: number | null;
  readonly leasedHa: number | null;
  /** Leased ÷ the zone's (or total's) leasable land; a block's share of it. */
  readonly occupancyPct: number | null;
  /** A zone's (not a block's): zones whose central plant operates on the last day, and their capacity. */
  readonly wastewaterPlants: number | null;
  readonly wastewaterCapacityM3Day: number | null;
}

export interface UpwardLine {
  /** Null on totals. */
  readonly zoneCode: string | null;
  readonly zoneName: string | null;
  readonly kind: ZoneKind | 'all';
  readonly figures: UpwardFigures;
  readonly blocks: Readonly<Record<Ownership, UpwardFigures>>;
}

export interface UpwardReport {
  /** The summary's period ('2025', '2025-Q3', '2025-Q1..2025-Q2'). */
  readonly period: string;
  readonly quarters: readonly string[];
  readonly firstDay: string;
  readonly lastDay: string;
  /** Parks, then clusters, by code. */
  readonly zones: readonly UpwardLine[];
  readonly totals: Readonly<Record<ZoneKind | 'all', UpwardLine>>;
}

type Reported = Pick<
  SummaryFigures,
  | 'operatingProjects'
  | 'realizedCapital'
  | 'grossOutput'
  | 'revenue'
  | 'exportValueUsd'
  | 'importValueUsd'
  | 'stateBudgetPaid'
  | 'workers'
  | 'femaleWorkers'
  | 'foreignWorkers'
>;

const reported = (f: SummaryFigures): Reported => ({
  operatingProjects: f.operatingProjects,
  realizedCapital: f.realizedCapital,
  grossOutput: f.grossOutput,
  revenue: f.revenue,
  exportValueUsd: f.exportValueUsd,
  importValueUsd: f.importValueUsd,
  stateBudgetPaid: f.stateBudgetPaid,
  workers: f.workers,
  femaleWorkers: f.femaleWorkers,
  foreignWorkers: f.foreignWorkers,
});

/** The recorded values summed, null when none of `values` is recorded. */
function sumRecorded(values: ReadonlyArray<string | null>): bigint | null {
  const given = values.filter((v): v is string => v !== null);
  return given.length === 0 ? null : given.reduce((a, v) => a + BigInt(v), 0n);
}

export function buildUpwardReport(input: UpwardReportInput): UpwardReport {
  const { summary } = input;
  const firstDay = quarterFirstDay(periodStart(input.period));
  const lastDay = quarterLastDay(periodEnd(input.period));
  const dayBefore = addDays(firstDay, -1);
  const zoneFacts = new Map(input.zones.map((z) => [z.code, z]));

  const registry = (codes: ReadonlySet<string>, block: Ownership | null) => {
    const projects = input.projects.filter((p) => codes.has(p.zoneCode) && (block === null || p.ownership === block));
    const fresh = projects.filter((p) => registeredBy(p, lastDay) && !registeredBy(p, dayBefore));
    const operating = projects.filter((p) => p.operating);
    const zones = [...codes].map((c) => zoneFacts.get(c)).filter((z): z is UpwardZoneFacts => z !== undefined);
    // The plan's occupancy over these zones: its last row is their total, alone when no zone has land yet.
    const occupancy = planOccupancy({ zones, land: input.land, projects, rows: [] }, lastDay);
    const land = occupancy.length > 1 ? occupancy[occupancy.length - 1] : null;
    const plants = zones.filter((z) => z.wastewaterOperatingFrom !== null && z.wastewaterOperatingFrom <= lastDay);
    const ownFacts = block === null;
    return {
      newProjects: fresh.length,
      newCapital: sumRecorded(fresh.map((p) => p.registeredCapital)),
      newCapitalUsd: sumRecorded(fresh.map((p) => p.registeredCapitalUsd)),
      operatingCapital: sumRecorded(operating.map((p) => p.registeredCapital)),
      operatingCapitalUsd: sumRecorded(operating.map((p) => p.registeredCapitalUsd)),
      leasableHa: ownFacts ? (land?.leasableHa ?? null) : null,
      leasedHa: land?.leasedHa ?? null,
      occupancyPct: land?.occupancyPct ?? null,
      wastewaterPlants: ownFacts ? plants.length : null,
      wastewaterCapacityM3Day: ownFacts ? sumCapacity(plants) : null,
    };
  };

  const line = (
    zoneCode: string | null,
    zoneName: string | null,
    kind: ZoneKind | 'all',
    codes: ReadonlySet<string>,
    figures: SummaryFigures & { blocks?: Record<Ownership, SummaryFigures> },
  ): UpwardLine => {
    const { blocks } = figures;
    if (!blocks) throw new Error('the upward report needs the summary split by ownership');
    return {
      zoneCode,
      zoneName,
      kind,
      figures: { ...reported(figures), ...registry(codes, null) },
      blocks: Object.fromEntries(OWNERSHIPS.map((b) => [b, { ...reported(blocks[b]), ...registry(codes, b) }])) as Record<
        Ownership,
        UpwardFigures
      >,
    };
  };

  // Parks first, as in the board's workbook and the ministry's forms; the summary lists them by kind's name.
  const ordered = ZONE_KINDS.flatMap((kind) => summary.zones.filter((z) => z.kind === kind));
  const zones = ordered.map((z) => line(z.zoneCode, z.zoneName, z.kind, new Set([z.zoneCode]), z));
  const codesOf = (kind: ZoneKind | 'all') =>
    new Set(summary.zones.filter((z) => kind === 'all' || z.kind === kind).map((z) => z.zoneCode));
  const total = (kind: ZoneKind | 'all') => line(null, null, kind, codesOf(kind), summary.totals[kind]);
  const totals = Object.fromEntries([...ZONE_KINDS, 'all' as const].map((k) => [k, total(k)])) as Record<ZoneKind | 'all', UpwardLine>;
  return { period: summary.period, quarters: input.period.quarters.map(formatQuarter), firstDay, lastDay, zones, totals };
}

function sumCapacity(zones: readonly UpwardZoneFacts[]): number | null {
  const given = zones.map((z) => z.wastewaterCapacityM3Day).filter((c): c is number => c !== null);
  return given.length === 0 ? null : given.reduce((a, c) => a + c, 0);
}
