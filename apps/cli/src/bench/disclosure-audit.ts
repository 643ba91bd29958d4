import { performance } from 'node:perf_hooks';
import {
  AggregateRow,
  AUDITED_MEASURES,
  buildSummary,
  ContributionSet,
  ContributionVersion,
  DEFAULT_DISCLOSURE_PARAMS,
  DisclosureLedger,
  formatQuarter,
  LedgerCell,
  NewLedgerCell,
  NO_NEXT_PERIOD,
  Ownership,
  PeriodSpec,
  publicationPlan,
  ReportFigures,
  reportContribution,
  shiftYears,
  ZoneInfo,
} from '@app/domain';
import { discloseOnThreads } from '@app/reporting';

export interface AuditScale {
  readonly zones: number;
  readonly enterprises: number;
  readonly publications: number;
}

export interface AuditCost {
  readonly publications: number;
  readonly meanMs: number;
  readonly maxMs: number;
  readonly peakRssMb: number;
  readonly withheldPct: number;
  readonly heldBack: number;
}

const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];

interface Filing {
  readonly taxCode: string;
  readonly zone: ZoneInfo;
  /** The enterprise's block: foreign-invested (FDI) enterprises are those with foreign workers. */
  readonly ownership: Ownership;
  readonly quarter: string;
  readonly month: number;
  readonly figures: ReportFigures;
}

// Deterministic, so that two runs time the same work.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A province's filings over 8 quarters: zones of very different sizes (some with one or two enterprises),
 * enterprises of very different sizes, exporters and investors few, most filings on time, some late, some
 * amended, a few never made. `month` is when a filing (or an amendment) reaches the board, counted from 2024-01.
 */
function filings(scale: AuditScale): { zones: ZoneInfo[]; all: Filing[] } {
  const rng = random(scale.zones * 7919 + scale.enterprises);
  const zones = Array.from({ length: scale.zones }, (_, i): ZoneInfo => ({
    code: `Z${i}`,
    name: `Khu ${i}`,
    kind: i % 3 === 0 ? 'industrial_cluster' : 'industrial_park',
  }));
  const all: Filing[] = [];
  for (let e = 0; e < scale.enterprises; e++) {
    const zone = zones[Math.floor(scale.zones * rng() ** 1.6)];
    const size = Math.exp(4 * rng()) * 1e9;
    const exporter = rng() < 0.35;
    const foreign = rng() < 0.3;
    QUARTERS.forEach((quarter, k) => {
      if (rng() < 0.03) return;
      const lateness = rng() < 0.85 ? 0 : rng() < 0.7 ? 1 : 3;
      const figure = (f: number) => {
        const grossOutput = BigInt(Math.round(size * f));
        const workers = Math.max(1, Math.round(size / 2e7));
        return {
          grossOutput,
          grossOutputConstant2010: (grossOutput * 8n) / 10n,
          revenue: (grossOutput * 21n) / 20n,
          exportValueUsd: exporter ? BigInt(Math.round((size * f) / 50_000)) : null,
          importValueUsd: exporter ? BigInt(Math.round((size * f) / 80_000)) : null,
          stateBudgetPaid: rng() < 0.7 ? grossOutput / 20n : null,
          realizedCapital: rng() < 0.1 ? BigInt(Math.round(size * 2 * rng())) : null,
          workers,
          femaleWorkers: Math.round(workers * 0.4),
          foreignWorkers: foreign ? Math.max(1, Math.round(workers * 0.02)) : null,
          localWorkers: Math.round(workers * 0.5),
          averageWorkers: workers,
          wageFund: BigInt(workers) * 3n * 8_000_000n,
        };
      };
      const taxCode = `53${String(e).padStart(8, '0')}`;
      const month = 3 * k + 4 + lateness;
      const ownership = foreign ? 'foreign' : 'domestic';
      all.push({ taxCode, zone, ownership, quarter, month, figures: figure(0.8 + 0.4 * rng()) });
      if (rng() < 0.03) {
        all.push({ taxCode, zone, ownership, quarter, month: month + 1 + Math.floor(3 * rng()), figures: figure(0.8 + 0.4 * rng()) });
      }
    });
  }
  return { zones, all };
}

/** The filings the board holds at a month: each enterprise-quarter's latest revision by then. */
function heldAt(all: readonly Filing[], month: number): Filing[] {
  const latest = new Map<string, Filing>();
  for (const f of all) {
    const key = `${f.taxCode}|${f.quarter}`;
    if (f.month <= month && (latest.get(key)?.month ?? -1) < f.month) latest.set(key, f);
  }
  return [...latest.values()];
}

function aggregateRows(held: readonly Filing[]): AggregateRow[] {
  const quartersOf = new Map<string, string[]>();
  for (const f of held) quartersOf.set(f.taxCode, [...(quartersOf.get(f.taxCode) ?? []), f.quarter].sort());
  return held.map((f) => {
    const later = quartersOf.get(f.taxCode)!.find((q) => q > f.quarter);
    return {
      zoneCode: f.zone.code,
      period: f.quarter,
      nextPeriod: later ?? NO_NEXT_PERIOD,
      ownership: f.ownership,
      ...reportContribution(f.figures, true, false),
    };
  });
}

function contributionSets(held: readonly Filing[], quarters: ReadonlySet<string>): ContributionSet[] {
  const groups = new Map<string, Filing[]>();
  for (const f of held.filter((x) => quarters.has(x.quarter))) {
    const key = `${f.zone.code}|${f.quarter}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].flatMap((group) => {
    const sorted = [...group].sort((a, b) => (a.taxCode < b.taxCode ? -1 : 1));
    return AUDITED_MEASURES.map((measure) => ({
      zoneCode: sorted[0].zone.code,
      kind: sorted[0].zone.kind,
      quarter: sorted[0].quarter,
      measure,
      taxCodes: sorted.map((f) => f.taxCode),
      amounts: sorted.map((f) => {
        const v = f.figures[measure];
        return v === null ? null : BigInt(v);
      }),
      blocks: sorted.map((f) => f.ownership),
    }));
  });
}

const NO_COUNTS = { expected: new Map(), operatingProjects: new Map() };

const stored = (c: NewLedgerCell, id: number): LedgerCell => ({ ...c, publicationId: id, basisPublicationId: c.basisPublicationId ?? id });

/** Monthly publications from May 2024, each audited against the ledger of those before it, kept in memory. */
export async function auditBench(scale: AuditScale, progress: (line: string) => void): Promise<AuditCost> {
  const { zones, all } = filings(scale);
  let ledger: DisclosureLedger = { cells: [], versions: [] };
  const times: number[] = [];
  let peakRss = 0;
  let cells = 0;
  let withheld = 0;
  let heldBack = 0;
  for (let p = 0; p < scale.publications; p++) {
    const month = 5 + p;
    const plan = publicationPlan(`${2024 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01`);
    const held = heldAt(all, month);
    const rows = aggregateRows(held);
    const latest: PeriodSpec = { label: formatQuarter(plan.latestQuarter), quarters: [plan.latestQuarter] };
    const summaries = [latest, plan.yearToDate].map((period) =>
      // Split into blocks, as the worker publishes them.
      buildSummary({ period, zones, rows, expected: new Map(), operatingProjects: new Map(), targets: new Map(), blocks: NO_COUNTS }),
    );
    const quarters = new Set([latest, plan.yearToDate].flatMap((s) => [...s.quarters, ...shiftYears(s, -1).quarters]).map(formatQuarter));
    const contributions = contributionSets(held, quarters);
    const started = performance.now();
    // As the worker decides it: the measures side by side on one thread per core.
    // The ledger as the worker reads it: the publication's year and the year before.
    const from = formatQuarter({ year: plan.latestQuarter.year - 1, quarter: 1 });
    const read = { cells: ledger.cells.filter((c) => c.quarters[0] >= from), versions: ledger.versions.filter((v) => v.quarter >= from) };
    const result = await discloseOnThreads({ summaries, contributions, ledger: read, params: DEFAULT_DISCLOSURE_PARAMS });
    times.push(performance.now() - started);
    const withheldNow = result.cells.filter((c) => c.value === null).length;
    progress(`    publication ${p + 1} (${plan.month}): ${Math.round(times[p])} ms, ${withheldNow} cells withheld`);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const id = p + 1;
    ledger = {
      cells: [...ledger.cells, ...result.cells.map((c) => stored(c, id))],
      versions: [...ledger.versions, ...result.versions.map((v): ContributionVersion => ({ ...v, publicationId: id }))],
    };
    cells += result.cells.length;
    withheld += result.cells.filter((c) => c.value === null).length;
    heldBack += result.cells.filter((c) => c.reason === 'revision held back').length;
  }
  return {
    publications: scale.publications,
    meanMs: Math.round(times.reduce((a, b) => a + b, 0) / times.length),
    maxMs: Math.round(Math.max(...times)),
    peakRssMb: Math.round(peakRss / 1_048_576),
    withheldPct: Math.round((1000 * withheld) / Math.max(1, cells)) / 10,
    heldBack,
  };
}
