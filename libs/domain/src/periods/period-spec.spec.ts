import { parsePeriod, PeriodError, periodEnd, periodRange, PeriodSpec, periodStart, shiftYears, yearToDate } from './period-spec';
import { formatQuarter } from './quarter';

const quartersOf = (spec: PeriodSpec) => spec.quarters.map(formatQuarter);

function periodErrorOf(fn: () => unknown): PeriodError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PeriodError) return error;
    throw error;
  }
  throw new Error('expected a PeriodError');
}

describe('period spec', () => {
  describe('parsePeriod', () => {
    it('reads one quarter', () => {
      const spec = parsePeriod('2025-Q3');
      expect(spec.label).toBe('2025-Q3');
      expect(quartersOf(spec)).toEqual(['2025-Q3']);
    });

    it('reads a year as its four quarters', () => {
      const spec = parsePeriod('2025');
      expect(spec.label).toBe('2025');
      expect(quartersOf(spec)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    });

    it.each(['', '2025-Q5', '2025Q3', '25', ' 2025', '1989', '3000', '2025-2026', '2025-Q1..2025-Q2'])('rejects "%s"', (text) => {
      const error = periodErrorOf(() => parsePeriod(text));
      expect(error).toMatchObject({ field: 'period', code: 'INVALID_PERIOD', name: 'PeriodError' });
      expect(error).toBeInstanceOf(Error);
    });
  });

  describe('periodRange', () => {
    it('spans quarters across a year boundary', () => {
      const spec = periodRange('2024-Q3', '2025-Q2');
      expect(spec.label).toBe('2024-Q3..2025-Q2');
      expect(quartersOf(spec)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    });

    it('labels a one-quarter range as that quarter', () => {
      expect(periodRange('2025-Q2', '2025-Q2')).toEqual(parsePeriod('2025-Q2'));
    });

    it('accepts exactly 40 quarters and refuses 41', () => {
      expect(periodRange('2015-Q1', '2024-Q4').quarters).toHaveLength(40);
      expect(periodErrorOf(() => periodRange('2015-Q1', '2025-Q1'))).toMatchObject({ field: 'to', code: 'RANGE_TOO_LONG' });
    });

    it('refuses a reversed range', () => {
      expect(periodErrorOf(() => periodRange('2025-Q1', '2024-Q4'))).toMatchObject({ field: 'to', code: 'RANGE_REVERSED' });
    });

    it('names the bad bound, checking from first', () => {
      expect(periodErrorOf(() => periodRange('2025', '2025-Q2'))).toMatchObject({ field: 'from', code: 'INVALID_PERIOD' });
      expect(periodErrorOf(() => periodRange('2025-Q1', '2025-Q9'))).toMatchObject({ field: 'to', code: 'INVALID_PERIOD' });
      expect(periodErrorOf(() => periodRange('x', 'y'))).toMatchObject({ field: 'from', code: 'INVALID_PERIOD' });
    });
  });

  it('gives the first and last quarter', () => {
    const spec = periodRange('2024-Q3', '2025-Q2');
    expect(formatQuarter(periodStart(spec))).toBe('2024-Q3');
    expect(formatQuarter(periodEnd(spec))).toBe('2025-Q2');
  });

  describe('shiftYears', () => {
    it('keeps a year a year', () => {
      expect(shiftYears(parsePeriod('2025'), -1)).toEqual(parsePeriod('2024'));
    });

    it('keeps a quarter a quarter', () => {
      expect(shiftYears(parsePeriod('2025-Q1'), -1)).toEqual(parsePeriod('2024-Q1'));
    });

    it('keeps a range a range, even one covering a whole year', () => {
      expect(shiftYears(periodRange('2024-Q3', '2025-Q2'), 2)).toEqual(periodRange('2026-Q3', '2027-Q2'));
      expect(shiftYears(periodRange('2025-Q1', '2025-Q4'), -1).label).toBe('2024-Q1..2024-Q4');
    });
  });

  describe('yearToDate', () => {
    it('runs from Q1 to the given quarter', () => {
      expect(yearToDate({ year: 2025, quarter: 3 })).toEqual(periodRange('2025-Q1', '2025-Q3'));
    });

    it('is labelled as the single quarter in Q1', () => {
      const spec = yearToDate({ year: 2025, quarter: 1 });
      expect(spec.label).toBe('2025-Q1');
      expect(quartersOf(spec)).toEqual(['2025-Q1']);
    });
  });
});
