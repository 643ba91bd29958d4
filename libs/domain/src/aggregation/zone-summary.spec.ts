import { parsePeriod, periodRange } from '../periods/period-spec';
import { ReportFigures } from '../reports/report-figures';
import { AggregateRow, NO_NEXT_PERIOD } from './quarter-sums';
import { reportContribution } from './report-contribution';
import { buildSummary, grossOutputByQuarter, quartersNeeded, SummaryInput } from './zone-summary';

const report = (f: Partial<ReportFigures>): ReportFigures => ({
  grossOutput: 0n,
  grossOutputConstant2010: null,
  revenue: 0n,
  exportValueUsd: null,
  importValueUsd: null,
  stateBudgetPaid: null,
  realizedCapital: null,
  workers: 0,
  femaleWorkers: null,
  foreignWorkers: null,
  localWorkers: null,
  averageWorkers: null,
  wageFund: 0n,
  ...f,
});
const row = (zoneCode: string, period: string, nextPeriod: string, f: Partial<ReportFigures>, onTime = true): AggregateRow => ({
  zoneCode,
  period,
  nextPeriod,
  ownership: 'domestic',
  ...reportContribution(report(f), onTime, false),
});
const zones = [
  { code: 'BDH', name: 'Bắc Duyên Hải', kind: 'industrial_park' as const },
  { code: 'DPM', name: 'Đông Phố Mới', kind: 'industrial_park' as const },
  { code: 'CCN-BX', name: 'CCN Bát Xát', kind: 'industrial_cluster' as const },
];
const input = (period: string, rows: AggregateRow[], extra: Partial<SummaryInput> = {}): SummaryInput => ({
  period: parsePeriod(period),
  zones,
  rows,
  expected: new Map(),
  operatingProjects: new Map(),
  targets: new Map(),
  ...extra,
});

describe('buildSummary', () => {
  it("sums flows over a year and takes each enterprise's stock from its latest report in it", () => {
    const rows = [
      // Enterprise 1 reports Q1..Q4; enterprise 2 only Q1 and Q2 (so its Q2 headcount is its stock at year end).
      row('BDH', '2024-Q1', '2024-Q2', { grossOutput: 10n, workers: 100, wageFund: 300n }),
      row('BDH', '2024-Q2', '2024-Q3', { grossOutput: 20n, workers: 110, wageFund: 330n }),
      row('BDH', '2024-Q3', '2024-Q4', { grossOutput: 30n, workers: 120, wageFund: 360n }),
      row('BDH', '2024-Q4', NO_NEXT_PERIOD, { grossOutput: 40n, workers: 130, wageFund: 390n }),
      row('BDH', '2024-Q1', '2024-Q2', { grossOutput: 1n, workers: 7, wageFund: 21n }),
      row('BDH', '2024-Q2', NO_NEXT_PERIOD, { grossOutput: 2n, workers: 8, wageFund: 24n }),
    ];
    const bdh = buildSummary(input('2024', rows)).zones[0];
    expect(bdh.grossOutput).toBe(103n);
    expect(bdh.workers).toBe(138);
    expect(bdh.reportsReceived).toBe(6);
    // Σ wage fund 1,425 / Σ worker-months (100+110+120+130+7+8)×3 = 1,425 = 1.
    expect(bdh.averageMonthlyWage).toBe(1n);
    // For Q3 alone, only enterprise 1 reported.
    expect(buildSummary(input('2024-Q3', rows)).zones[0]).toMatchObject({ grossOutput: 30n, workers: 120 });
  });

  it('gives null, not zero, where nobody reported, and zero where zero was reported', () => {
    const s = buildSummary(input('2025-Q1', [row('DPM', '2025-Q1', NO_NEXT_PERIOD, { grossOutput: 5n, workers: 3, realizedCapital: 0n })]));
    const [bdh, dpm] = s.zones;
    expect(bdh).toMatchObject({
      grossOutput: null,
      workers: null,
      averageMonthlyWage: null,
      grossOutputSharePct: null,
      reportsReceived: 0,
    });
    expect(dpm).toMatchObject({ realizedCapital: 0n, grossOutputConstant2010: null, femaleWorkers: null });
  });

  it('shares gross output within the zone kind and totals each kind and all zones', () => {
    const rows = [
      row('BDH', '2024-Q4', NO_NEXT_PERIOD, { grossOutput: 166n }),
      row('DPM', '2024-Q4', NO_NEXT_PERIOD, { grossOutput: 259n }),
      row('CCN-BX', '2024-Q4', NO_NEXT_PERIOD, { grossOutput: 50n }),
    ];
    const s = buildSummary(input('2024-Q4', rows));
    expect(s.zones.map((z) => z.grossOutputSharePct)).toEqual([39.06, 60.94, 100]);
    expect(s.totals.industrial_park.grossOutput).toBe(425n);
    expect(s.totals.industrial_cluster.grossOutput).toBe(50n);
    expect(s.totals.all.grossOutput).toBe(475n);
  });

  it('shares within the whole kind when only some zones are summarised', () => {
    const rows = [row('BDH', '2024-Q4', NO_NEXT_PERIOD, { grossOutput: 166n })];
    const one = buildSummary({ ...input('2024-Q4', rows), zones: [zones[0]], kindGrossOutput: new Map([['industrial_park', 425n]]) });
    expect(one.zones[0].grossOutputSharePct).toBe(39.06);
  });

  it("weighs a group's plan progress on the zones that have a target", () => {
    const rows = [
      row('BDH', '2025-Q1', NO_NEXT_PERIOD, { grossOutputConstant2010: 300n }),
      row('DPM', '2025-Q1', NO_NEXT_PERIOD, { grossOutputConstant2010: 700n }),
    ];
    const s = buildSummary(input('2025-Q1', rows, { targets: new Map([['BDH', 1200n]]) }));
    expect(s.totals.industrial_park).toMatchObject({ planTarget: 1200n, planProgressPct: 25 });
  });

  it('computes growth on the same quarters a year earlier, none when that value is missing or zero', () => {
    const rows = [
      row('BDH', '2024-Q3', NO_NEXT_PERIOD, { grossOutput: 100n, grossOutputConstant2010: 80n }),
      row('BDH', '2025-Q3', NO_NEXT_PERIOD, { grossOutput: 113n, grossOutputConstant2010: 88n }),
      row('DPM', '2025-Q3', NO_NEXT_PERIOD, { grossOutput: 50n }),
      row('DPM', '2024-Q3', NO_NEXT_PERIOD, { grossOutput: 0n }),
    ];
    const [bdh, dpm] = buildSummary(input('2025-Q3', rows)).zones;
    expect(bdh).toMatchObject({ growthYoYCurrentPct: 13, growthYoYPct: 10 });
    expect(dpm).toMatchObject({ growthYoYCurrentPct: null, growthYoYPct: null });
  });

  it('measures plan progress on the year to date at 2010 prices and completeness on expected reports', () => {
    const rows = [
      row('BDH', '2025-Q1', '2025-Q2', { grossOutputConstant2010: 300n }, false),
      row('BDH', '2025-Q2', NO_NEXT_PERIOD, { grossOutputConstant2010: 300n }),
    ];
    const s = buildSummary(input('2025-Q2', rows, { targets: new Map([['BDH', 2400n]]), expected: new Map([['BDH', 4]]) }));
    expect(s.zones[0]).toMatchObject({
      planTarget: 2400n,
      planProgressPct: 25,
      reportsExpected: 4,
      reportsReceived: 1,
      completenessPct: 25,
    });
    expect(buildSummary(input('2025', rows, { expected: new Map([['BDH', 2]]) })).zones[0]).toMatchObject({
      reportsOnTime: 1,
      completenessPct: 100,
    });
  });

  it('reads the period, the year before and the year to date', () => {
    expect(quartersNeeded(periodRange('2025-Q2', '2025-Q3'))).toEqual(['2024-Q2', '2024-Q3', '2025-Q1', '2025-Q2', '2025-Q3']);
  });
});

describe('grossOutputByQuarter', () => {
  it("gives each quarter the total the quarter's own summary shows, null where nobody reported", () => {
    const rows = [
      row('BDH', '2024-Q3', '2024-Q4', { grossOutput: 30n }),
      row('BDH', '2024-Q4', NO_NEXT_PERIOD, { grossOutput: 40n }),
      row('DPM', '2024-Q4', NO_NEXT_PERIOD, { grossOutput: 0n }),
      row('CCN-BX', '2024-Q3', NO_NEXT_PERIOD, { grossOutput: 5n }),
    ];
    const quarters = ['2024-Q2', '2024-Q3', '2024-Q4'];
    expect(grossOutputByQuarter(rows, quarters)).toEqual(
      quarters.map((quarter) => ({ quarter, grossOutput: buildSummary(input(quarter, rows)).totals.all.grossOutput })),
    );
    expect(grossOutputByQuarter(rows, quarters).map((q) => q.grossOutput)).toEqual([null, 35n, 40n]);
  });
});

describe('buildSummary split by block', () => {
  const inBlock = (r: AggregateRow, ownership: 'domestic' | 'foreign'): AggregateRow => ({ ...r, ownership });
  const rows = [
    // A foreign enterprise in BDH, a domestic one in BDH and in DPM, a domestic one in the cluster.
    inBlock(
      row('BDH', '2025-Q1', NO_NEXT_PERIOD, { grossOutput: 600n, grossOutputConstant2010: 500n, workers: 10, wageFund: 90n }),
      'foreign',
    ),
    row('BDH', '2025-Q1', NO_NEXT_PERIOD, { grossOutput: 300n, workers: 20, wageFund: 120n, exportValueUsd: 7n }),
    row('DPM', '2025-Q1', NO_NEXT_PERIOD, { grossOutput: 100n, workers: 5, wageFund: 30n }, false),
    row('CCN-BX', '2025-Q1', NO_NEXT_PERIOD, { grossOutput: 50n, workers: 1, wageFund: 3n }),
    // A year earlier, BDH's foreign block had 400 at 2010 prices.
    inBlock(
      row('BDH', '2024-Q1', NO_NEXT_PERIOD, { grossOutput: 450n, grossOutputConstant2010: 400n, workers: 9, wageFund: 80n }),
      'foreign',
    ),
  ];
  const counts = (entries: Array<[string, number]>) => new Map(entries);
  const split = buildSummary(
    input('2025-Q1', rows, {
      expected: counts([
        ['BDH', 3],
        ['DPM', 1],
        ['CCN-BX', 1],
      ]),
      operatingProjects: counts([['BDH', 2]]),
      targets: new Map([['BDH', 4000n]]),
      blocks: {
        expected: new Map([
          ['foreign', counts([['BDH', 1]])],
          [
            'domestic',
            counts([
              ['BDH', 2],
              ['DPM', 1],
              ['CCN-BX', 1],
            ]),
          ],
        ]),
        operatingProjects: new Map([['foreign', counts([['BDH', 2]])]]),
      },
    }),
  );

  it('splits each zone into blocks whose sums add up to the zone exactly', () => {
    const bdh = split.zones[0];
    expect(bdh.blocks!.foreign).toMatchObject({
      grossOutput: 600n,
      workers: 10,
      reportsExpected: 1,
      operatingProjects: 2,
      exportValueUsd: null,
    });
    expect(bdh.blocks!.domestic).toMatchObject({
      grossOutput: 300n,
      workers: 20,
      reportsExpected: 2,
      operatingProjects: 0,
      exportValueUsd: 7n,
    });
    for (const z of [...split.zones, ...Object.values(split.totals)]) {
      // A block nobody in reported is null.
      expect((z.blocks!.foreign.grossOutput ?? 0n) + (z.blocks!.domestic.grossOutput ?? 0n)).toBe(z.grossOutput);
      expect(z.blocks!.foreign.reportsReceived + z.blocks!.domestic.reportsReceived).toBe(z.reportsReceived);
    }
  });

  it('derives a block the way a zone is derived: wage, growth, shares; no target of its own', () => {
    const { foreign, domestic } = split.zones[0].blocks!;
    // 90 / (10 × 3) = 3; 120 / (20 × 3) = 2.
    expect(foreign.averageMonthlyWage).toBe(3n);
    expect(domestic.averageMonthlyWage).toBe(2n);
    // 500 / 400 − 1 = 25%; the domestic block had nothing a year earlier.
    expect(foreign.growthYoYPct).toBe(25);
    expect(domestic.growthYoYPct).toBeNull();
    // Within all parks (1,000): 60% and 30%, adding up to the zone's 90%.
    expect([foreign.grossOutputSharePct, domestic.grossOutputSharePct, split.zones[0].grossOutputSharePct]).toEqual([60, 30, 90]);
    expect([foreign.planTarget, foreign.planProgressPct, split.zones[0].planTarget]).toEqual([null, null, 4000n]);
    // A total's block's share is of that total: 600 of 1,050.
    expect(split.totals.all.blocks!.foreign.grossOutputSharePct).toBe(57.14);
  });

  it('leaves the plain summary without blocks', () => {
    expect(buildSummary(input('2025-Q1', rows)).zones[0].blocks).toBeUndefined();
    expect(buildSummary(input('2025-Q1', rows)).totals.all.blocks).toBeUndefined();
  });
});
