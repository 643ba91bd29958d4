import { parsePeriod } from '../periods/period-spec';
import { NO_NEXT_PERIOD, AggregateRow } from '../aggregation/quarter-sums';
import { reportContribution } from '../aggregation/report-contribution';
import { buildSummary } from '../aggregation/zone-summary';
import { DEFAULT_DISCLOSURE_PARAMS } from '../disclosure/disclosure-params';
import { MagnitudeContributions } from '../disclosure/magnitude-contributions';
import { ReportFigures } from '../reports/report-figures';
import { disclosePublication, discloseSummary } from './public-summary';

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

  // In the year to date C has three enterprises and is safe on its own; published there, it would be this
  // year to date minus the one published a quarter earlier: the quarter of its single filer.
  it('withholds in the year to date what the quarter withholds, and the other way round', () => {
    const quarterContributions = Object.entries(data).map(([zoneCode, [o, w]]) => ({ zoneCode, contributions: contributions([...o], [...w]) }));
    const yearContributions = quarterContributions.map((c) => (c.zoneCode === 'C' ? { zoneCode: 'C', contributions: contributions([1000n, 900n, 800n], [12, 11, 10]) } : c));
    expect(discloseSummary(summary, yearContributions, DEFAULT_DISCLOSURE_PARAMS).zones.map((z) => z.grossOutput === null)).toEqual([false, false, false]);
    const [quarter, year] = disclosePublication([
      { summary, contributions: quarterContributions },
      { summary, contributions: yearContributions },
    ], DEFAULT_DISCLOSURE_PARAMS);
    for (const s of [quarter, year]) {
      expect(s.zones.map((z) => [z.zoneCode, z.grossOutput === null])).toEqual([['A', false], ['B', true], ['C', true]]);
      expect(s.totals.industrial_park.withheld).toEqual([]);
    }
  });
});
