import { reportContribution } from '../aggregation/report-contribution';
import { AggregateRow, NO_NEXT_PERIOD } from '../aggregation/quarter-sums';
import { buildSummary, BlockCounts } from '../aggregation/zone-summary';
import { PeriodError } from '../periods/period-spec';
import { ReportFigures } from '../reports/report-figures';
import { Ownership } from '../registry/ownership-history';
import { buildUpwardReport, UpwardProjectFacts, UpwardZoneFacts } from './upward-report';
import { parseUpwardPeriod } from './upward-period';

describe('parseUpwardPeriod', () => {
  it('reads a quarter, the first half and a year', () => {
    expect(parseUpwardPeriod('2025-Q3').quarters).toEqual([{ year: 2025, quarter: 3 }]);
    expect(parseUpwardPeriod('2025-H1')).toEqual({
      label: '2025-Q1..2025-Q2',
      quarters: [
        { year: 2025, quarter: 1 },
        { year: 2025, quarter: 2 },
      ],
    });
    expect(parseUpwardPeriod('2024').quarters).toHaveLength(4);
  });

  it.each(['2025-H2', '2025-Q5', '1999', '2025-06', ''])('refuses %p on `period`, naming it', (text) => {
    expect(() => parseUpwardPeriod(text)).toThrow(PeriodError);
    expect(() => parseUpwardPeriod(text)).toThrow(`"${text}"`);
  });
});

const figures = (grossOutput: bigint, workers: number): ReportFigures => ({
  grossOutput,
  grossOutputConstant2010: null,
  revenue: grossOutput,
  exportValueUsd: null,
  importValueUsd: null,
  stateBudgetPaid: null,
  realizedCapital: null,
  workers,
  femaleWorkers: null,
  foreignWorkers: null,
  localWorkers: null,
  averageWorkers: null,
  wageFund: BigInt(workers) * 15_000_000n,
});
const row = (zoneCode: string, period: string, ownership: Ownership, output: bigint, workers: number): AggregateRow => ({
  zoneCode,
  period,
  nextPeriod: NO_NEXT_PERIOD,
  ownership,
  ...reportContribution(figures(output, workers), true, false),
});
const zone = (code: string, extra: Partial<UpwardZoneFacts> = {}): UpwardZoneFacts => ({
  code,
  kind: 'industrial_park',
  areaHa: null,
  establishedOn: '2010-01-01',
  wastewaterOperatingFrom: null,
  wastewaterCapacityM3Day: null,
  ...extra,
});
const project = (zoneCode: string, ownership: Ownership, extra: Partial<UpwardProjectFacts>): UpwardProjectFacts => ({
  zoneCode,
  ownership,
  status: 'operating',
  operatingFrom: '2020-01-01',
  endedAt: null,
  registeredOn: '2019-01-01',
  registeredCapital: null,
  registeredCapitalUsd: null,
  leasedHa: null,
  leasedFrom: null,
  operating: true,
  ...extra,
});
const counts = (entries: Array<[Ownership, string, number]>): BlockCounts => {
  const out = new Map<Ownership, Map<string, number>>();
  for (const [b, z, n] of entries) out.set(b, (out.get(b) ?? new Map()).set(z, n));
  return out;
};

describe('buildUpwardReport', () => {
  const period = parseUpwardPeriod('2025-H1');
  const zones = [
    { code: 'KA', name: 'KCN A', kind: 'industrial_park' as const },
    { code: 'KB', name: 'KCN B', kind: 'industrial_park' as const },
  ];
  const summary = buildSummary({
    period,
    zones,
    rows: [
      row('KA', '2025-Q2', 'foreign', 7_000_000_001n, 70),
      row('KA', '2025-Q2', 'domestic', 3n, 30),
      row('KB', '2025-Q1', 'domestic', 5n, 5),
    ],
    expected: new Map(),
    operatingProjects: new Map([['KA', 2]]),
    targets: new Map(),
    blocks: {
      expected: counts([]),
      operatingProjects: counts([
        ['foreign', 'KA', 1],
        ['domestic', 'KA', 1],
      ]),
    },
  });
  const report = buildUpwardReport({
    period,
    summary,
    zones: [zone('KA', { wastewaterOperatingFrom: '2025-06-30', wastewaterCapacityM3Day: 2000 }), zone('KB')],
    land: [
      { zoneCode: 'KA', effectiveFrom: '2020-01-01', leasableHa: '100' },
      { zoneCode: 'KA', effectiveFrom: '2025-07-01', leasableHa: '150' },
    ],
    projects: [
      project('KA', 'foreign', { registeredCapital: '500', registeredCapitalUsd: '20', leasedHa: '30.5' }),
      project('KA', 'domestic', { registeredOn: '2025-03-01', registeredCapital: '7', leasedHa: '12.25', leasedFrom: '2025-03-01' }),
      project('KA', 'domestic', { registeredOn: '2025-07-01', registeredCapital: '9', operating: false, status: 'under_construction' }),
    ],
  });

  it("takes the period's figures from the summary as they are, per zone, block and total", () => {
    const ka = report.zones[0];
    expect(ka.figures.grossOutput).toBe(7_000_000_004n);
    expect(ka.blocks.foreign.grossOutput).toBe(7_000_000_001n);
    expect(ka.blocks.domestic.workers).toBe(30);
    expect(ka.figures.operatingProjects).toBe(2);
    expect(report.totals.all.figures.grossOutput).toBe(7_000_000_009n);
    expect(report.totals.industrial_cluster.figures.grossOutput).toBeNull();
  });

  it('counts projects new in the period and operating at its end with their capital, in their block', () => {
    const ka = report.zones[0];
    expect(ka.blocks.domestic).toMatchObject({ newProjects: 1, newCapital: 7n, operatingCapital: 7n, newCapitalUsd: null });
    expect(ka.blocks.foreign).toMatchObject({ newProjects: 0, newCapital: null, operatingCapital: 500n, operatingCapitalUsd: 20n });
    expect(report.totals.all.figures).toMatchObject({ newProjects: 1, operatingCapital: 507n });
  });

  it("gives land and occupancy as of the period's last day, a block its share of the zone's land, and plants per zone", () => {
    const ka = report.zones[0];
    expect(ka.figures).toMatchObject({
      leasableHa: 100,
      leasedHa: 42.75,
      occupancyPct: 42.75,
      wastewaterPlants: 1,
      wastewaterCapacityM3Day: 2000,
    });
    expect(ka.blocks.foreign).toMatchObject({ leasableHa: null, leasedHa: 30.5, occupancyPct: 30.5, wastewaterPlants: null });
    expect(report.zones[1].figures).toMatchObject({ leasableHa: null, leasedHa: null, occupancyPct: null, wastewaterPlants: 0 });
    expect(report.totals.all.figures).toMatchObject({ leasableHa: 100, leasedHa: 42.75, wastewaterPlants: 1 });
    expect(report).toMatchObject({ firstDay: '2025-01-01', lastDay: '2025-06-30', quarters: ['2025-Q1', '2025-Q2'] });
  });

  it('lists parks before clusters', () => {
    const mixed = buildSummary({
      period,
      zones: [{ code: 'CA', name: 'CCN A', kind: 'industrial_cluster' }, ...zones],
      rows: [],
      expected: new Map(),
      operatingProjects: new Map(),
      targets: new Map(),
      blocks: { expected: counts([]), operatingProjects: counts([]) },
    });
    const lines = buildUpwardReport({ period, summary: mixed, zones: [], land: [], projects: [] }).zones;
    expect(lines.map((l) => l.zoneCode)).toEqual(['KA', 'KB', 'CA']);
  });

  it('refuses a summary not split by ownership', () => {
    const plain = buildSummary({ period, zones, rows: [], expected: new Map(), operatingProjects: new Map(), targets: new Map() });
    expect(() => buildUpwardReport({ period, summary: plain, zones: [], land: [], projects: [] })).toThrow(/split by ownership/);
  });
});
