import { parsePeriod } from '../periods/period-spec';
import { NO_NEXT_PERIOD, AggregateRow } from '../aggregation/quarter-sums';
import { reportContribution } from '../aggregation/report-contribution';
import { buildSummary } from '../aggregation/zone-summary';
import { DEFAULT_DISCLOSURE_PARAMS } from '../disclosure/disclosure-params';
import { MagnitudeContributions } from '../disclosure/magnitude-contributions';
import { ReportFigures } from '../reports/report-figures';
import { discloseSummary } from './public-summary';

const figures = (grossOutput: bigint, workers: number): ReportFigures => ({
  grossOutput, grossOutputConstant2010: null, revenue: grossOutput, exportValueUsd: null, importValueUsd: null, stateBudgetPaid: null,
  realizedCapital: null, workers, femaleWorkers: null, foreignWorkers: null, localWorkers: null, averageWorkers: null, wageFund: BigInt(workers) * 18_000_000n,
});
const contributions = (outputs: bigint[], workers: number[]): MagnitudeContributions => ({
  grossOutput: outputs, revenue: outputs, trade: [], stateBudgetPaid: [], wages: workers.map((w) => BigInt(w) * 18_000_000n), workers: workers.map(BigInt),
});
const zones = [
  { code: 'A', name: 'A', kind: 'industrial_park' as const },
  { code: 'B', name: 'B', kind: 'industrial_park' as const },
  { code: 'C', name: 'C', kind: 'industrial_park' as const },
];
const row = (zoneCode: string, outputs: bigint[], workers: number[]): AggregateRow[] =>
  outputs.map((o, i) => ({ zoneCode, period: '2025-Q3', nextPeriod: NO_NEXT_PERIOD, ...reportContribution(figures(o, workers[i]), true, false) }));

describe('discloseSummary', () => {
  const data = {
    A: [[500n, 400n, 300n, 200n], [50, 40, 30, 20]] as const,
    B: [[90n, 80n, 70n, 60n], [9, 8, 7, 6]] as const,
    C: [[1000n], [12]] as const,
  };
  const summary = buildSummary({
    period: parsePeriod('2025-Q3'), zones,
    rows: Object.entries(data).flatMap(([zone, [o, w]]) => row(zone, [...o], [...w])),
    expected: new Map(), operatingProjects: new Map([['A', 4], ['B', 4], ['C', 1]]), targets: new Map(),
  });
  const published = discloseSummary(summary, Object.entries(data).map(([zoneCode, [o, w]]) => ({ zoneCode, contributions: contributions([...o], [...w]) })), DEFAULT_DISCLOSURE_PARAMS);

  it('withholds a one-enterprise zone on every magnitude but keeps its counts', () => {
    const c = published.zones.find((z) => z.zoneCode === 'C')!;
    expect(c).toMatchObject({ grossOutput: null, workers: null, averageMonthlyWage: null, revenue: null, reportsReceived: 1, operatingProjects: 1 });
    expect(c.withheld).toEqual(expect.arrayContaining(['grossOutput', 'workers', 'wageFund', 'averageMonthlyWage']));
  });

  it('also withholds the smallest other zone so the withheld one cannot be recovered from the published total', () => {
    const [a, b] = published.zones;
    expect(b.grossOutput).toBeNull();
    expect(a.grossOutput).toBe(1400n);
    expect(published.totals.industrial_park).toMatchObject({ grossOutput: 2700n, withheld: [] });
  });
});
