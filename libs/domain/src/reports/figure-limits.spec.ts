import { ReportFigures } from './report-figures';
import { COUNT_MAXIMUM, figureLimitIssues, FIGURE_LIMITS, withinFigureLimit } from './figure-limits';

const figures = (overrides: Partial<ReportFigures> = {}): ReportFigures => ({
  grossOutput: 1n,
  grossOutputConstant2010: null,
  revenue: 1n,
  exportValueUsd: null,
  importValueUsd: null,
  stateBudgetPaid: null,
  realizedCapital: null,
  workers: 1,
  femaleWorkers: null,
  foreignWorkers: null,
  localWorkers: null,
  averageWorkers: null,
  wageFund: 1n,
  ...overrides,
});

describe('figure limits', () => {
  it('caps đồng at 10^16 − 1 and US dollars at 10^12 − 1 per field, from zero', () => {
    expect(FIGURE_LIMITS.money.maximum).toBe(9_999_999_999_999_999n);
    expect(FIGURE_LIMITS.usd.maximum).toBe(999_999_999_999n);
    expect(FIGURE_LIMITS.count.maximum).toBe(BigInt(COUNT_MAXIMUM));
    expect(withinFigureLimit('money', 9_999_999_999_999_999n)).toBe(true);
    expect(withinFigureLimit('money', 10_000_000_000_000_000n)).toBe(false);
    expect(withinFigureLimit('usd', 1_000_000_000_000n)).toBe(false);
    expect(withinFigureLimit('money', -1n)).toBe(false);
    expect(withinFigureLimit('count', 10_000_001n)).toBe(false);
  });

  it('lets any number of reports at the maximum add up within the aggregate columns (numeric(38, 0))', () => {
    // A zone-quarter row counts its reports in an integer column: at most 2^31 − 1 of them.
    const largestSum = (2n ** 31n - 1n) * FIGURE_LIMITS.money.maximum;
    expect(largestSum < 10n ** 38n).toBe(true);
  });

  it('names each figure outside its limit, for stored reports the api did not check', () => {
    expect(figureLimitIssues(figures())).toEqual([]);
    const issues = figureLimitIssues(figures({ grossOutput: 9_223_372_036_854_775_807n, exportValueUsd: 10n ** 12n, workers: -1 }));
    expect(issues.map((i) => [i.code, i.severity, i.field])).toEqual([
      ['FIGURE_OUT_OF_RANGE', 'error', 'production.grossOutput'],
      ['FIGURE_OUT_OF_RANGE', 'error', 'production.exportValueUsd'],
      ['FIGURE_OUT_OF_RANGE', 'error', 'employment.workers'],
    ]);
    expect(issues[0].message).toContain('9999999999999999');
    expect(issues[0].details).toEqual({ value: '9223372036854775807', maximum: '9999999999999999' });
  });
});
