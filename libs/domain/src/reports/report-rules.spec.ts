import { Quarter, quarterEndInstant } from '../periods/quarter';
import { MinimumWageEntry } from '../wages/minimum-wage';
import { ReportFigures } from './report-figures';
import { hasErrors } from './report-issue';
import { ComparableReport, evaluateReport, RuleContext } from './report-rules';

const Q3_2025: Quarter = { year: 2025, quarter: 3 };
const DAY_MS = 24 * 60 * 60 * 1000;

// A small table of its own: rules must work on whatever the database holds.
const MINIMUM_WAGES: MinimumWageEntry[] = [
  { effectiveFrom: '2024-07-01', region: 2, monthly: 4_410_000n },
  { effectiveFrom: '2024-07-01', region: 3, monthly: 3_860_000n },
  { effectiveFrom: '2026-01-01', region: 3, monthly: 4_140_000n },
];

// 175 workers paid 6,200,000 a month each: comfortably above the region III minimum.
function figures(overrides: Partial<ReportFigures> = {}): ReportFigures {
  return {
    grossOutput: 40_000_000_000n,
    grossOutputConstant2010: 30_000_000_000n,
    revenue: 38_000_000_000n,
    exportValueUsd: null,
    importValueUsd: null,
    stateBudgetPaid: 1_200_000_000n,
    realizedCapital: null,
    workers: 175,
    femaleWorkers: 60,
    foreignWorkers: 3,
    localWorkers: 150,
    averageWorkers: null,
    wageFund: 175n * 3n * 6_200_000n,
    ...overrides,
  };
}

// Received on time, four days after the quarter ended, by an enterprise operating since 2018 in region III.
function context(overrides: Partial<RuleContext> = {}): RuleContext {
  const period = overrides.period ?? Q3_2025;
  const receivedAt = new Date(quarterEndInstant(period).getTime() + 4 * DAY_MS);
  return {
    period,
    receivedAt,
    filer: 'enterprise',
    enterprise: { operatingFrom: '2018-01-01', operatingUntil: null, wageRegion: 3 },
    periodLockedAtReceipt: false,
    firstReceivedAt: receivedAt,
    previousQuarter: null,
    sameQuarterLastYear: null,
    minimumWages: MINIMUM_WAGES,
    ...overrides,
  };
}

const previousQuarter = (grossOutput: bigint, workers = 175): ComparableReport => ({
  period: { year: 2025, quarter: 2 },
  grossOutput,
  workers,
});
const codes = (f: ReportFigures, ctx: RuleContext) => evaluateReport(f, ctx).map((i) => i.code);
const only = (f: ReportFigures, ctx: RuleContext, code: string) => evaluateReport(f, ctx).filter((i) => i.code === code);

describe('evaluateReport', () => {
  it('finds nothing in a sound, timely report', () => {
    expect(evaluateReport(figures(), context())).toEqual([]);
  });

  describe('registry', () => {
    it('reports an unknown enterprise with figure rules only', () => {
      const ctx = context({
        enterprise: null,
        receivedAt: new Date('2025-09-15T10:00:00+07:00'),
        firstReceivedAt: new Date('2025-12-01T10:00:00+07:00'),
        periodLockedAtReceipt: true,
        previousQuarter: { period: { year: 2025, quarter: 2 }, grossOutput: 1n, workers: 1 },
      });
      const issues = evaluateReport(figures({ femaleWorkers: 200, wageFund: 1n, grossOutputConstant2010: 50_000_000_000n }), ctx);
      expect(issues.map((i) => i.code)).toEqual(['UNKNOWN_ENTERPRISE', 'PART_EXCEEDS_TOTAL', 'CONSTANT_ABOVE_CURRENT']);
      expect(issues[0]).toMatchObject({ severity: 'error', field: 'taxCode' });
    });

    it('rejects a quarter the enterprise did not operate in, still checking the figures', () => {
      const ctx = context({ enterprise: { operatingFrom: '2018-01-01', operatingUntil: '2025-06-30', wageRegion: 3 } });
      const issues = evaluateReport(figures({ femaleWorkers: 200 }), ctx);
      expect(issues.map((i) => i.code)).toEqual(['ENTERPRISE_NOT_OPERATING', 'PART_EXCEEDS_TOTAL']);
      expect(issues[0]).toEqual({
        code: 'ENTERPRISE_NOT_OPERATING',
        severity: 'error',
        field: 'period',
        message: 'The enterprise did not operate during 2025-Q3 (operating from 2018-01-01 until 2025-06-30).',
        details: { period: '2025-Q3', operatingFrom: '2018-01-01', operatingUntil: '2025-06-30' },
      });
    });

    it('accepts an enterprise that operated only on the last day of the quarter', () => {
      const ctx = context({ enterprise: { operatingFrom: '2025-09-30', operatingUntil: null, wageRegion: 3 } });
      expect(codes(figures(), ctx)).toEqual([]);
    });
  });

  describe('period', () => {
    const end = quarterEndInstant(Q3_2025).getTime();

    it('rejects a report received a millisecond before the quarter ends, for any filer', () => {
      for (const filer of ['enterprise', 'board'] as const) {
        const ctx = context({ filer, receivedAt: new Date(end - 1), firstReceivedAt: new Date(end - 1) });
        expect(evaluateReport(figures(), ctx)).toEqual([
          {
            code: 'PERIOD_NOT_ENDED',
            severity: 'error',
            field: 'period',
            message:
              '2025-Q3 has not ended: it ends at 2025-10-01T00:00:00.000+07:00, the report was received at 2025-09-30T23:59:59.999+07:00.',
            details: { period: '2025-Q3', receivedAt: '2025-09-30T23:59:59.999+07:00', endsAt: '2025-10-01T00:00:00.000+07:00' },
          },
        ]);
      }
    });

    it('accepts a report received exactly when the quarter ends', () => {
      const ctx = context({ receivedAt: new Date(end), firstReceivedAt: new Date(end) });
      expect(codes(figures(), ctx)).toEqual([]);
    });

    it('rejects an enterprise filing into a locked quarter', () => {
      expect(only(figures(), context({ periodLockedAtReceipt: true }), 'PERIOD_LOCKED')).toEqual([
        expect.objectContaining({ severity: 'error', field: 'period', details: { period: '2025-Q3' } }),
      ]);
    });

    it('lets the board file into a locked quarter, marked late past the due date', () => {
      const loadedAt = new Date('2026-03-02T08:00:00+07:00');
      const ctx = context({ filer: 'board', periodLockedAtReceipt: true, receivedAt: loadedAt, firstReceivedAt: loadedAt });
      expect(codes(figures(), ctx)).toEqual(['LATE']);
    });
  });

  describe('headcount parts', () => {
    it('reports each part above workers on its own field; equal is fine', () => {
      const issues = evaluateReport(figures({ femaleWorkers: 200, foreignWorkers: 176, localWorkers: 175 }), context());
      expect(issues).toEqual([
        {
          code: 'PART_EXCEEDS_TOTAL',
          severity: 'error',
          field: 'employment.femaleWorkers',
          message: 'femaleWorkers (200) exceeds workers (175).',
          details: { femaleWorkers: 200, workers: 175 },
        },
        {
          code: 'PART_EXCEEDS_TOTAL',
          severity: 'error',
          field: 'employment.foreignWorkers',
          message: 'foreignWorkers (176) exceeds workers (175).',
          details: { foreignWorkers: 176, workers: 175 },
        },
      ]);
    });

    it('does not treat averageWorkers as a part', () => {
      expect(codes(figures({ averageWorkers: 180 }), context())).toEqual([]);
    });

    it('ignores parts that are not reported', () => {
      expect(
        codes(figures({ workers: 0, femaleWorkers: null, foreignWorkers: null, localWorkers: null, wageFund: 0n }), context()),
      ).toEqual([]);
    });
  });

  describe('wages and workers', () => {
    it('rejects a wage fund with no workers', () => {
      const f = figures({ workers: 0, femaleWorkers: 0, foreignWorkers: 0, localWorkers: 0, wageFund: 90_000_000n });
      expect(evaluateReport(f, context())).toEqual([
        {
          code: 'WAGES_WITHOUT_WORKERS',
          severity: 'error',
          field: 'employment.workers',
          message: 'wageFund (90000000) is reported but workers is 0.',
          details: { wageFund: '90000000', workers: 0 },
        },
      ]);
    });

    it('rejects workers with a zero wage fund, which is also below the minimum wage', () => {
      const issues = evaluateReport(figures({ wageFund: 0n }), context());
      expect(issues.map((i) => [i.code, i.field])).toEqual([
        ['WORKERS_WITHOUT_WAGES', 'wages.wageFund'],
        ['BELOW_MINIMUM_WAGE', 'wages.wageFund'],
      ]);
      expect(issues[0].message).toBe('workers (175) is reported but wageFund is 0.');
    });
  });

  describe('minimum wage', () => {
    const threshold = 3_860_000n * 175n * 3n; // region III, Decree 74/2024

    it('accepts a wage fund exactly at the minimum', () => {
      expect(codes(figures({ wageFund: threshold }), context())).toEqual([]);
    });

    it('warns one đồng below the minimum, with the figures', () => {
      expect(evaluateReport(figures({ wageFund: threshold - 1n }), context())).toEqual([
        {
          code: 'BELOW_MINIMUM_WAGE',
          severity: 'warning',
          field: 'wages.wageFund',
          message: 'The monthly wage per worker (3859999) is below the region 3 minimum wage (3860000) in force since 2024-07-01.',
          details: { monthlyWagePerWorker: '3859999', minimumWage: '3860000', wageRegion: 3, effectiveFrom: '2024-07-01' },
        },
      ]);
    });

    it('divides by the average headcount when reported', () => {
      const wageFund = 3_860_000n * 100n * 3n;
      expect(codes(figures({ averageWorkers: 100, wageFund }), context())).toEqual([]);
      expect(codes(figures({ averageWorkers: 100, wageFund: wageFund - 1n }), context())).toEqual(['BELOW_MINIMUM_WAGE']);
    });

    it('uses the minimum in force on the last day of the quarter', () => {
      const wageFund = 4_000_000n * 175n * 3n; // above the 2024 minimum, below the 2026 one
      expect(codes(figures({ wageFund }), context({ period: { year: 2025, quarter: 4 } }))).toEqual([]);
      expect(only(figures({ wageFund }), context({ period: { year: 2026, quarter: 1 } }), 'BELOW_MINIMUM_WAGE')).toEqual([
        expect.objectContaining({ details: expect.objectContaining({ minimumWage: '4140000', effectiveFrom: '2026-01-01' }) }),
      ]);
    });

    it("uses the enterprise's wage region", () => {
      const ctx = context({ enterprise: { operatingFrom: '2018-01-01', operatingUntil: null, wageRegion: 2 } });
      expect(codes(figures({ wageFund: threshold }), ctx)).toEqual(['BELOW_MINIMUM_WAGE']);
    });

    it('is skipped when no minimum applies or the average headcount is 0', () => {
      expect(codes(figures({ wageFund: 1n }), context({ minimumWages: [] }))).toEqual([]);
      expect(
        codes(figures({ wageFund: 1n }), context({ enterprise: { operatingFrom: '2018-01-01', operatingUntil: null, wageRegion: 1 } })),
      ).toEqual([]);
      expect(codes(figures({ averageWorkers: 0, wageFund: 1n }), context())).toEqual([]);
    });
  });

  describe('outlier change', () => {
    it('warns when gross output grew by more than half, with the figures', () => {
      const issues = evaluateReport(
        figures({ grossOutput: 1_300n, grossOutputConstant2010: null }),
        context({ previousQuarter: previousQuarter(800n) }),
      );
      expect(issues).toEqual([
        {
          code: 'OUTLIER_CHANGE',
          severity: 'warning',
          field: 'production.grossOutput',
          message: 'grossOutput changed by 62.5% against 2025-Q2 (from 800 to 1300), more than 50%.',
          details: { current: '1300', previous: '800', comparedPeriod: '2025-Q2', changePct: 62.5 },
        },
      ]);
    });

    it.each([
      [150n, false],
      [151n, true],
      [50n, false],
      [49n, true],
      [100n, false],
    ])('gross output %p against 100 is an outlier: %p', (grossOutput, expected) => {
      const ctx = context({ previousQuarter: previousQuarter(100n) });
      expect(codes(figures({ grossOutput, grossOutputConstant2010: null }), ctx)).toEqual(expected ? ['OUTLIER_CHANGE'] : []);
    });

    it('reports a headcount change with counts as numbers and negative growth', () => {
      const ctx = context({ sameQuarterLastYear: { period: { year: 2024, quarter: 3 }, grossOutput: 40_000_000_000n, workers: 400 } });
      expect(only(figures(), ctx, 'OUTLIER_CHANGE')).toEqual([
        expect.objectContaining({
          field: 'employment.workers',
          message: 'workers changed by -56.25% against 2024-Q3 (from 400 to 175), more than 50%.',
          details: { current: 175, previous: 400, comparedPeriod: '2024-Q3', changePct: -56.25 },
        }),
      ]);
    });

    it('gives one issue per field and compared report', () => {
      const ctx = context({
        previousQuarter: previousQuarter(10_000_000_000n, 100),
        sameQuarterLastYear: { period: { year: 2024, quarter: 3 }, grossOutput: 20_000_000_000n, workers: 500 },
      });
      const issues = only(figures(), ctx, 'OUTLIER_CHANGE');
      expect(issues.map((i) => [i.field, i.details?.comparedPeriod, i.details?.changePct])).toEqual([
        ['production.grossOutput', '2025-Q2', 300],
        ['production.grossOutput', '2024-Q3', 100],
        ['employment.workers', '2025-Q2', 75],
        ['employment.workers', '2024-Q3', -65],
      ]);
    });

    it('skips a comparison against zero', () => {
      const ctx = context({
        previousQuarter: previousQuarter(0n, 0),
        sameQuarterLastYear: { period: { year: 2024, quarter: 3 }, grossOutput: 0n, workers: 0 },
      });
      expect(codes(figures(), ctx)).toEqual([]);
    });
  });

  describe('constant prices', () => {
    it('warns when output at 2010 prices exceeds output at current prices', () => {
      expect(codes(figures({ grossOutputConstant2010: 40_000_000_000n }), context())).toEqual([]);
      expect(only(figures({ grossOutputConstant2010: 40_000_000_001n }), context(), 'CONSTANT_ABOVE_CURRENT')).toEqual([
        {
          code: 'CONSTANT_ABOVE_CURRENT',
          severity: 'warning',
          field: 'production.grossOutputConstant2010',
          message: 'grossOutputConstant2010 (40000000001) exceeds grossOutput (40000000000).',
          details: { grossOutputConstant2010: '40000000001', grossOutput: '40000000000' },
        },
      ]);
    });

    it('ignores an unreported constant-price value', () => {
      expect(codes(figures({ grossOutputConstant2010: null }), context())).toEqual([]);
    });
  });

  describe('timeliness', () => {
    const due = new Date('2025-10-10T00:00:00+07:00').getTime();

    it('is on time a millisecond before the due instant', () => {
      const at = new Date(due - 1);
      expect(codes(figures(), context({ receivedAt: at, firstReceivedAt: at }))).toEqual([]);
    });

    it('is late exactly at the due instant', () => {
      const at = new Date(due);
      expect(evaluateReport(figures(), context({ receivedAt: at, firstReceivedAt: at }))).toEqual([
        {
          code: 'LATE',
          severity: 'warning',
          field: 'period',
          message:
            'The 2025-Q3 report was first received at 2025-10-10T00:00:00.000+07:00, ' +
            'on or after the due instant 2025-10-10T00:00:00.000+07:00.',
          details: { receivedAt: '2025-10-10T00:00:00.000+07:00', dueAt: '2025-10-10T00:00:00.000+07:00' },
        },
      ]);
    });

    it('does not mark a late amendment of an on-time report', () => {
      const ctx = context({ receivedAt: new Date('2025-11-20T09:00:00+07:00'), firstReceivedAt: new Date(due - 1) });
      expect(codes(figures(), ctx)).toEqual([]);
    });

    it('judges Q4 against 10 January of the next year', () => {
      const q4 = { year: 2025, quarter: 4 } as const;
      const onTime = new Date('2026-01-09T23:59:59.999+07:00');
      const late = new Date('2026-01-10T00:00:00+07:00');
      expect(codes(figures(), context({ period: q4, receivedAt: onTime, firstReceivedAt: onTime }))).toEqual([]);
      expect(codes(figures(), context({ period: q4, receivedAt: late, firstReceivedAt: late }))).toEqual(['LATE']);
    });
  });

  it('reports errors and warnings together so the filer sees every problem at once', () => {
    const late = new Date('2025-10-15T08:00:00+07:00');
    const ctx = context({
      periodLockedAtReceipt: true,
      receivedAt: late,
      firstReceivedAt: late,
      previousQuarter: previousQuarter(10_000_000_000n),
    });
    const issues = evaluateReport(figures({ localWorkers: 180, wageFund: 1_000_000n }), ctx);
    expect(issues.map((i) => i.code)).toEqual(['PERIOD_LOCKED', 'PART_EXCEEDS_TOTAL', 'BELOW_MINIMUM_WAGE', 'OUTLIER_CHANGE', 'LATE']);
    expect(hasErrors(issues)).toBe(true);
  });
});
