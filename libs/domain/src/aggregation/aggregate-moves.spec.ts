import { ReportFigures } from '../reports/report-figures';
import { acceptanceDeltas, AggregateDelta } from './aggregate-moves';
import { NO_NEXT_PERIOD } from './quarter-sums';
import { reportContribution } from './report-contribution';

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
  wageFund: 1n,
});
const at = (zoneCode: string, period: string, gross: bigint, workers: number) => ({
  zoneCode,
  period,
  ownership: 'domestic' as const,
  sums: reportContribution(figures(gross, workers), true, false),
});
const brief = (d: AggregateDelta) => [
  d.zoneCode,
  d.period,
  d.nextPeriod,
  d.change.reports,
  d.change.sums.grossOutput,
  d.change.sums.workers,
];

describe('acceptanceDeltas', () => {
  it('adds a first filing with no history to the open-ended row', () => {
    expect(acceptanceDeltas({ accepted: at('A', '2025-Q1', 10n, 5), replaced: null, previous: null, nextPeriod: null }).map(brief)).toEqual(
      [['A', '2025-Q1', NO_NEXT_PERIOD, 1, 10n, 5n]],
    );
  });

  it('swaps old figures for new on an amendment, in place', () => {
    const deltas = acceptanceDeltas({
      accepted: at('A', '2025-Q1', 12n, 6),
      replaced: at('A', '2025-Q1', 10n, 5),
      previous: null,
      nextPeriod: '2025-Q2',
    });
    expect(deltas.map(brief)).toEqual([['A', '2025-Q1', '2025-Q2', 0, 2n, 1n]]);
  });

  it('moves an amended report between zones when the enterprise moved', () => {
    const deltas = acceptanceDeltas({
      accepted: at('B', '2025-Q1', 12n, 6),
      replaced: at('A', '2025-Q1', 10n, 5),
      previous: null,
      nextPeriod: null,
    });
    expect(deltas.map(brief)).toEqual([
      ['B', '2025-Q1', NO_NEXT_PERIOD, 1, 12n, 6n],
      ['A', '2025-Q1', NO_NEXT_PERIOD, -1, -10n, -5n],
    ]);
  });

  it('re-keys the previous report under the new quarter so its stock stops counting at later period ends', () => {
    const deltas = acceptanceDeltas({
      accepted: at('A', '2025-Q3', 30n, 9),
      replaced: null,
      previous: at('A', '2025-Q1', 10n, 5),
      nextPeriod: null,
    });
    expect(deltas.map(brief)).toEqual([
      ['A', '2025-Q3', NO_NEXT_PERIOD, 1, 30n, 9n],
      ['A', '2025-Q1', NO_NEXT_PERIOD, -1, -10n, -5n],
      ['A', '2025-Q1', '2025-Q3', 1, 10n, 5n],
    ]);
  });

  it('slots a late first filing between two existing reports', () => {
    const deltas = acceptanceDeltas({
      accepted: at('A', '2025-Q2', 20n, 7),
      replaced: null,
      previous: at('A', '2025-Q1', 10n, 5),
      nextPeriod: '2025-Q3',
    });
    expect(deltas.map(brief)).toEqual([
      ['A', '2025-Q2', '2025-Q3', 1, 20n, 7n],
      ['A', '2025-Q1', '2025-Q3', -1, -10n, -5n],
      ['A', '2025-Q1', '2025-Q2', 1, 10n, 5n],
    ]);
  });
});
