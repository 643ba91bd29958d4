import { effectiveAverageWorkers, ReportFigures, workerMonths } from './report-figures';

const figures = (workers: number, averageWorkers: number | null): ReportFigures => ({
  grossOutput: 1n,
  grossOutputConstant2010: null,
  revenue: 1n,
  exportValueUsd: null,
  importValueUsd: null,
  stateBudgetPaid: null,
  realizedCapital: null,
  workers,
  femaleWorkers: null,
  foreignWorkers: null,
  localWorkers: null,
  averageWorkers,
  wageFund: 1n,
});

describe('report figures', () => {
  it('uses the reported average headcount, even when it is 0', () => {
    expect(effectiveAverageWorkers(figures(120, 110))).toBe(110);
    expect(effectiveAverageWorkers(figures(120, 0))).toBe(0);
  });

  it('defaults the average headcount to workers when not reported', () => {
    expect(effectiveAverageWorkers(figures(120, null))).toBe(120);
  });

  it('counts three worker-months per average worker in a quarter', () => {
    expect(workerMonths(figures(120, 110))).toBe(330);
    expect(workerMonths(figures(120, null))).toBe(360);
  });
});
