import { BlockSplit, blocksOf, buildSummary, Summary, SummaryFigures, ZoneKind } from '../aggregation/zone-summary';
import { DEFAULT_DISCLOSURE_PARAMS } from '../disclosure/disclosure-params';
import { loadLpSolver, LpSolver } from '../disclosure/lp-solver';
import { parsePeriod, periodRange } from '../periods/period-spec';
import { Ownership } from '../registry/ownership-history';
import { DisclosureLedger, disclosePublication, PublicationDisclosure, PublicSummary } from './publication-disclosure';
import { AuditedMeasure, ContributionSet, ContributionVersion, LedgerCell } from './public-cells';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

const KINDS: Record<string, ZoneKind> = {
  SOLO: 'industrial_park',
  SMALL: 'industrial_park',
  BIG: 'industrial_park',
  C90: 'industrial_cluster',
  CMID: 'industrial_cluster',
  C80: 'industrial_cluster',
  LATE: 'industrial_cluster',
  ZA: 'industrial_park',
  ZC: 'industrial_park',
};

const set = (zoneCode: string, quarter: string, measure: AuditedMeasure, values: Record<string, number | null>): ContributionSet => ({
  zoneCode,
  kind: KINDS[zoneCode],
  quarter,
  measure,
  taxCodes: Object.keys(values),
  amounts: Object.values(values).map((v) => (v === null ? null : BigInt(v))),
});
const units = (zone: string, quarter: string, measure: AuditedMeasure, values: number[]) =>
  set(zone, quarter, measure, Object.fromEntries(values.map((v, i) => [`${zone}-${i}`, v])));

/** Sets whose contributions are in blocks: 'F…' tax codes foreign, the others domestic. */
const inBlocks = (s: ContributionSet): ContributionSet => ({
  ...s,
  blocks: s.taxCodes.map((t) => (t.startsWith('F') ? 'foreign' : 'domestic')),
});

/**
 * A summary whose figures are the sums of `sets` (growth rates given where wanted), split into blocks when asked:
 * the audit only reads which are non-null.
 */
function summaryOf(period: string, sets: readonly ContributionSet[], growth: Record<string, number> = {}, split = false): Summary {
  const spec = period.includes('..') ? periodRange(...(period.split('..') as [string, string])) : parsePeriod(period);
  const zones = [...new Set(sets.map((s) => s.zoneCode))].sort().map((code) => ({ code, name: code, kind: KINDS[code] }));
  const blocks = split ? { blocks: { expected: new Map(), operatingProjects: new Map() } } : {};
  const summary = buildSummary({
    period: spec,
    zones,
    rows: [],
    expected: new Map(),
    operatingProjects: new Map(),
    targets: new Map(),
    ...blocks,
  });
  const quarters = new Set(summary.quarters);
  const fill = <T extends object>(figures: T, inArea: (s: ContributionSet) => boolean, area: string, block?: Ownership): T => {
    const out: Record<string, unknown> = Object.fromEntries(Object.entries(figures));
    for (const s of sets.filter((x) => inArea(x) && quarters.has(x.quarter))) {
      const mine = s.amounts.filter((_, i) => block === undefined || s.blocks?.[i] === block);
      if (mine.length === 0) continue;
      const sum = mine.reduce<bigint>((a, b) => a + (b ?? 0n), 0n);
      out[s.measure] =
        typeof out[s.measure] === 'bigint' ? (out[s.measure] as bigint) + sum : out[s.measure] === null ? sum : out[s.measure];
    }
    if (growth[area] !== undefined && block === undefined) out.growthYoYCurrentPct = growth[area];
    return out as T;
  };
  const withBlocks = <T extends SummaryFigures & BlockSplit>(figures: T, inArea: (s: ContributionSet) => boolean, area: string): T => {
    const whole = fill(figures, inArea, area);
    const split = figures.blocks;
    return split ? { ...whole, blocks: blocksOf((b) => fill(split[b], inArea, area, b)) } : whole;
  };
  return {
    ...summary,
    zones: summary.zones.map((z) => withBlocks(z, (s) => s.zoneCode === z.zoneCode, z.zoneCode)),
    totals: {
      industrial_park: withBlocks(summary.totals.industrial_park, (s) => s.kind === 'industrial_park', 'industrial_park'),
      industrial_cluster: withBlocks(summary.totals.industrial_cluster, (s) => s.kind === 'industrial_cluster', 'industrial_cluster'),
      all: withBlocks(summary.totals.all, () => true, 'all'),
    },
  };
}

const EMPTY: DisclosureLedger = { cells: [], versions: [] };
const disclose = (summaries: Summary[], contributions: ContributionSet[], ledger = EMPTY) =>
  disclosePublication(solver, { summaries, contributions, ledger, params: DEFAULT_DISCLOSURE_PARAMS });

/** The ledger after `result` was stored as publication `id`. */
const stored = (ledger: DisclosureLedger, id: number, result: PublicationDisclosure): DisclosureLedger => ({
  cells: [
    ...ledger.cells,
    ...result.cells.map((c): LedgerCell => ({ ...c, publicationId: id, basisPublicationId: c.basisPublicationId ?? id })),
  ],
  versions: [...ledger.versions, ...result.versions.map((v): ContributionVersion => ({ ...v, publicationId: id }))],
});

const zoneOf = (result: PublicationDisclosure, period: number, code: string) =>
  result.summaries[period].zones.find((z) => z.zoneCode === code)!;

describe('disclosePublication', () => {
  it('withholds confidential zones and their smallest complements, in the quarter and the year to date', () => {
    const Q = '2025-Q3';
    const sets = [
      units('SOLO', Q, 'grossOutput', [500]),
      units('SMALL', Q, 'grossOutput', [100, 100, 100]),
      units('BIG', Q, 'grossOutput', [2000, 2000, 2000]),
      units('C90', Q, 'grossOutput', [900, 100]),
      units('CMID', Q, 'grossOutput', [300, 300, 300]),
      units('C80', Q, 'grossOutput', [800, 100, 100]),
      set('LATE', Q, 'grossOutput', { L1: 50 }),
      set('LATE', '2025-Q1', 'grossOutput', { L0: 1000, L1: 1000, L2: 1000 }),
    ];
    const result = disclose([summaryOf(Q, sets), summaryOf(`2025-Q1..${Q}`, sets)], sets);
    const withheld = (period: number) => result.summaries[period].zones.filter((z) => z.grossOutput === null).map((z) => z.zoneCode);
    expect(withheld(0)).toEqual(['C90', 'CMID', 'LATE', 'SMALL', 'SOLO']);
    expect(zoneOf(result, 0, 'SOLO').heldBack).toEqual([{ field: 'grossOutput', reason: 'confidential' }]);
    expect(zoneOf(result, 0, 'SMALL').heldBack).toEqual([{ field: 'grossOutput', reason: 'protects another figure' }]);
    expect(result.summaries[0].totals.industrial_park).toMatchObject({ grossOutput: 6800n, withheld: [], heldBack: [] });
    // LATE passes on its own over the year to date, but minus its first quarter (the cluster's year to date
    // minus its quarter, three filers) it is L1's quarter.
    expect(withheld(1)).toEqual(['C90', 'CMID', 'LATE', 'SMALL', 'SOLO']);
  });

  it('judges export and import, realised capital and headcounts each on their own', () => {
    const Q = '2025-Q2';
    const sets = [
      units('ZA', Q, 'grossOutput', [300, 320, 310]),
      units('ZA', Q, 'exportValueUsd', [900, 0, 0]),
      units('ZA', Q, 'importValueUsd', [30, 40, 35]),
      set('ZA', Q, 'realizedCapital', { 'ZA-0': 5000, 'ZA-1': null, 'ZA-2': null }),
      units('ZA', Q, 'femaleWorkers', [40, 30, 45]),
    ];
    const za = zoneOf(disclose([summaryOf(Q, sets)], sets), 0, 'ZA');
    expect(za).toMatchObject({ grossOutput: 930n, exportValueUsd: null, importValueUsd: 105n, realizedCapital: null, femaleWorkers: 115n });
    expect(za.heldBack).toEqual([
      { field: 'exportValueUsd', reason: 'confidential' },
      { field: 'realizedCapital', reason: 'confidential' },
    ]);
    expect(za.withheld).toEqual(['exportValueUsd', 'realizedCapital']);
  });

  it('publishes the earlier figure again when a late filing would give itself away, until more filings cover it', () => {
    const Q = '2025-Q2';
    const may = [units('ZA', Q, 'grossOutput', [120, 110, 130]), units('ZC', Q, 'grossOutput', [400, 410, 420])];
    const first = disclose([summaryOf(Q, may)], may);
    expect(zoneOf(first, 0, 'ZA').grossOutput).toBe(360n);
    const ledger = stored(EMPTY, 1, first);

    const june = [set('ZA', Q, 'grossOutput', { 'ZA-0': 120, 'ZA-1': 110, 'ZA-2': 130, LATE1: 87 }), may[1]];
    const second = disclose([summaryOf(Q, june)], june, ledger);
    expect(zoneOf(second, 0, 'ZA')).toMatchObject({
      grossOutput: 360n,
      withheld: [],
      heldBack: [{ field: 'grossOutput', reason: 'revision held back' }],
    });
    // The totals would give the late filing away as well: they are held back with it.
    expect(second.summaries[0].totals.all).toMatchObject({
      grossOutput: 1590n,
      heldBack: [{ field: 'grossOutput', reason: 'revision held back' }],
    });
    expect(second.cells.find((c) => c.area === 'ZA')).toMatchObject({ value: 360n, reason: 'revision held back', basisPublicationId: 1 });
    expect(second.versions.map((v) => v.zoneCode)).toEqual(['ZA']);

    // Three late filings of similar size hide one another: the revision goes out.
    const later = stored(ledger, 2, second);
    const july = [set('ZA', Q, 'grossOutput', { 'ZA-0': 120, 'ZA-1': 110, 'ZA-2': 130, LATE1: 87, LATE2: 95, LATE3: 90 }), may[1]];
    const third = disclose([summaryOf(Q, july)], july, later);
    expect(zoneOf(third, 0, 'ZA')).toMatchObject({ grossOutput: 632n, heldBack: [] });
  });

  it("keeps an amended zone-quarter's earlier figure protected: figures shown again still state it", () => {
    // Figures of a seeded history (millions of đồng) in which C90's second filer amends its second quarter.
    const [Q1, Q2] = ['2025-Q1', '2025-Q2'];
    const august = [
      units('BIG', Q1, 'grossOutput', [87184]),
      units('BIG', Q2, 'grossOutput', [116343, 5895]),
      units('C90', Q1, 'grossOutput', [10774, 9526]),
      units('C90', Q2, 'grossOutput', [11084, 10628]),
      units('ZA', Q1, 'grossOutput', [2391, 7237, 24700]),
      units('ZA', Q2, 'grossOutput', [2031, 8977, 24894]),
      units('CMID', Q1, 'grossOutput', [17005, 8271, 4915, 23817]),
      units('CMID', Q2, 'grossOutput', [14514, 7982, 5593]),
    ];
    const periods = (sets: ContributionSet[]) => [summaryOf(Q2, sets), summaryOf(`${Q1}..${Q2}`, sets)];
    const first = disclose(periods(august), august);
    expect(zoneOf(first, 0, 'CMID').heldBack).toEqual([{ field: 'grossOutput', reason: 'protects another figure' }]);

    const september = august.map((s) =>
      s.zoneCode === 'C90' && s.quarter === Q2
        ? units('C90', Q2, 'grossOutput', [11084, 8852])
        : s.zoneCode === 'ZA' && s.quarter === Q1
          ? units('ZA', Q1, 'grossOutput', [2391, 7237, 21179])
          : s.zoneCode === 'CMID' && s.quarter === Q1
            ? units('CMID', Q1, 'grossOutput', [17005, 8271, 4447, 22246])
            : s,
    );
    const second = disclose(periods(september), september, stored(EMPTY, 1, first));
    // CMID's second quarter, untouched by the amendments, would take C90's earlier figure out of the totals
    // published in August, whether they are shown again or not.
    const shownAgain = (s: PublicSummary) => [s.totals.industrial_cluster, s.totals.all].some((t) => t.heldBack.length > 0);
    const cmid = zoneOf(second, 0, 'CMID');
    expect(cmid.grossOutput === null || !shownAgain(second.summaries[0])).toBe(true);
    expect(cmid.heldBack).toEqual([{ field: 'grossOutput', reason: 'protects another figure' }]);
  });

  it('publishes the blocks of zones with three filers or more in each, adding up to the zone', () => {
    const Q = '2025-Q2';
    const sets = [
      set('ZC', Q, 'grossOutput', { F5: 400, F6: 410, F7: 420, D2: 380, D3: 390, D4: 370 }),
      set('BIG', Q, 'grossOutput', { F8: 900, F9: 950, F10: 980, D5: 800, D6: 820, D7: 870 }),
    ].map(inBlocks);
    const zc = zoneOf(disclose([summaryOf(Q, sets, {}, true)], sets), 0, 'ZC');
    expect(zc).toMatchObject({ grossOutput: 2370n, heldBack: [] });
    expect(zc.blocks!.foreign).toMatchObject({ grossOutput: 1230n, withheld: [], heldBack: [] });
    expect(zc.blocks!.domestic).toMatchObject({ grossOutput: 1140n, withheld: [], heldBack: [] });
  });

  it("withholds a lone filer's block and whatever would subtract it out", () => {
    const Q = '2025-Q2';
    const sets = [
      set('ZA', Q, 'grossOutput', { F1: 300, F2: 320, F3: 310, F4: 305, D1: 290 }),
      set('ZC', Q, 'grossOutput', { F5: 400, F6: 410, F7: 420, D2: 380, D3: 390, D4: 370 }),
    ].map(inBlocks);
    const result = disclose([summaryOf(Q, sets, {}, true)], sets);
    const zc = zoneOf(result, 0, 'ZC');
    const za = zoneOf(result, 0, 'ZA');
    expect(za.blocks!.domestic).toMatchObject({ grossOutput: null, heldBack: [{ field: 'grossOutput', reason: 'confidential' }] });
    // Neither the zone less its foreign block nor a total's domestic block less ZC's gives D1 away.
    expect(za.grossOutput === null || za.blocks!.foreign.grossOutput === null).toBe(true);
    const park = result.summaries[0].totals.industrial_park;
    const all = result.summaries[0].totals.all;
    expect(
      zc.blocks!.domestic.grossOutput === null || (park.blocks!.domestic.grossOutput === null && all.blocks!.domestic.grossOutput === null),
    ).toBe(true);
    expect(result.cells.find((c) => c.area === 'ZA:domestic')).toMatchObject({ value: null, reason: 'confidential' });
    expect(result.versions[0].blocks).toEqual(['foreign', 'foreign', 'foreign', 'foreign', 'domestic']);
  });

  it('keeps again the sets of a ledger kept before blocks, and reads its cells as before', () => {
    const Q = '2025-Q2';
    const plain = [units('ZA', Q, 'grossOutput', [300, 320, 310]), units('ZC', Q, 'grossOutput', [400, 410, 420])];
    const ledger = stored(EMPTY, 1, disclose([summaryOf(Q, plain)], plain));
    const split = plain.map((s) => ({ ...s, blocks: s.taxCodes.map((): Ownership => 'domestic') }));
    const result = disclose([summaryOf(Q, split, {}, true)], split, ledger);
    expect(zoneOf(result, 0, 'ZA')).toMatchObject({ grossOutput: 930n, heldBack: [] });
    expect(zoneOf(result, 0, 'ZA').blocks!.domestic).toMatchObject({ grossOutput: 930n, heldBack: [] });
    expect(zoneOf(result, 0, 'ZA').blocks!.foreign).toMatchObject({ grossOutput: null, heldBack: [] });
    expect(result.versions.map((v) => v.zoneCode)).toEqual(['ZA', 'ZC']);
  });

  it('withholds a growth rate whose previous year had a single filer', () => {
    const sets = [units('ZC', '2025-Q2', 'grossOutput', [101, 100, 102]), units('ZC', '2024-Q2', 'grossOutput', [78])];
    const zc = zoneOf(disclose([summaryOf('2025-Q2', sets, { ZC: 289.58 })], sets), 0, 'ZC');
    expect(zc).toMatchObject({ grossOutput: 303n, growthYoYCurrentPct: null });
    expect(zc.heldBack).toEqual([{ field: 'growthYoYCurrentPct', reason: 'confidential' }]);
    const safe = [units('ZC', '2025-Q2', 'grossOutput', [101, 100, 102]), units('ZC', '2024-Q2', 'grossOutput', [30, 25, 23])];
    expect(zoneOf(disclose([summaryOf('2025-Q2', safe, { ZC: 288.46 })], safe), 0, 'ZC')).toMatchObject({
      growthYoYCurrentPct: 288.46,
      heldBack: [],
    });
  });
});
