import {
  addQuarters,
  compareQuarters,
  formatQuarter,
  hasEnded,
  parseQuarter,
  Quarter,
  quarterEndInstant,
  quarterFirstDay,
  quarterFromIndex,
  quarterIndex,
  quarterLastDay,
  quarterOfDate,
  quarterOfInstant,
  quarterStartInstant,
} from './quarter';

const q = (year: number, quarter: Quarter['quarter']): Quarter => ({ year, quarter });

describe('quarter', () => {
  describe('parseQuarter', () => {
    it('parses YYYY-Qn', () => {
      expect(parseQuarter('2025-Q3')).toEqual(q(2025, 3));
      expect(parseQuarter('2000-Q1')).toEqual(q(2000, 1));
      expect(parseQuarter('2099-Q4')).toEqual(q(2099, 4));
    });

    it.each(['2025-Q0', '2025-Q5', '2025Q3', '2025-q3', '25-Q3', ' 2025-Q3', '2025-Q3 ', '1999-Q4', '2100-Q1', '0000-Q1', '2025'])(
      'rejects %s',
      (text) => {
        expect(parseQuarter(text)).toBeNull();
      },
    );
  });

  it('formats and round-trips', () => {
    expect(formatQuarter(q(2025, 3))).toBe('2025-Q3');
    expect(parseQuarter(formatQuarter(q(2024, 4)))).toEqual(q(2024, 4));
  });

  describe('index arithmetic', () => {
    it('orders quarters consecutively across years', () => {
      expect(quarterIndex(q(2025, 1)) - quarterIndex(q(2024, 4))).toBe(1);
      expect(quarterIndex(q(2025, 3))).toBe(2025 * 4 + 2);
    });

    it('inverts quarterIndex', () => {
      for (const quarter of [q(2024, 1), q(2024, 4), q(2025, 2)]) {
        expect(quarterFromIndex(quarterIndex(quarter))).toEqual(quarter);
      }
    });

    it('rejects a fractional index', () => {
      expect(() => quarterFromIndex(8100.5)).toThrow(RangeError);
    });

    it('adds quarters across the year boundary in both directions', () => {
      expect(addQuarters(q(2025, 4), 1)).toEqual(q(2026, 1));
      expect(addQuarters(q(2025, 1), -1)).toEqual(q(2024, 4));
      expect(addQuarters(q(2025, 3), -4)).toEqual(q(2024, 3));
      expect(addQuarters(q(2025, 2), 7)).toEqual(q(2027, 1));
      expect(addQuarters(q(2025, 2), 0)).toEqual(q(2025, 2));
    });

    it('compares by time', () => {
      expect(compareQuarters(q(2024, 4), q(2025, 1))).toBeLessThan(0);
      expect(compareQuarters(q(2025, 1), q(2024, 4))).toBeGreaterThan(0);
      expect(compareQuarters(q(2025, 2), q(2025, 2))).toBe(0);
      expect([q(2025, 1), q(2023, 4), q(2024, 2)].sort(compareQuarters)).toEqual([q(2023, 4), q(2024, 2), q(2025, 1)]);
    });
  });

  describe('calendar days', () => {
    it.each([
      [1, '2025-01-01', '2025-03-31'],
      [2, '2025-04-01', '2025-06-30'],
      [3, '2025-07-01', '2025-09-30'],
      [4, '2025-10-01', '2025-12-31'],
    ] as const)('Q%i runs from %s to %s', (quarter, first, last) => {
      expect(quarterFirstDay(q(2025, quarter))).toBe(first);
      expect(quarterLastDay(q(2025, quarter))).toBe(last);
    });
  });

  describe('instants', () => {
    it('starts at local midnight of the first day', () => {
      expect(quarterStartInstant(q(2025, 3)).toISOString()).toBe('2025-06-30T17:00:00.000Z');
    });

    it('ends exclusively at the next quarter start, across the year for Q4', () => {
      expect(quarterEndInstant(q(2025, 3)).toISOString()).toBe('2025-09-30T17:00:00.000Z');
      expect(quarterEndInstant(q(2025, 4)).toISOString()).toBe('2025-12-31T17:00:00.000Z');
      expect(quarterEndInstant(q(2025, 4))).toEqual(quarterStartInstant(q(2026, 1)));
    });

    it('has ended exactly at the end instant, not a millisecond before', () => {
      const end = quarterEndInstant(q(2025, 4)).getTime();
      expect(hasEnded(q(2025, 4), new Date(end - 1))).toBe(false);
      expect(hasEnded(q(2025, 4), new Date(end))).toBe(true);
    });
  });

  describe('quarter of a day or instant', () => {
    it.each([
      ['2025-01-01', q(2025, 1)],
      ['2025-03-31', q(2025, 1)],
      ['2025-04-01', q(2025, 2)],
      ['2025-09-30', q(2025, 3)],
      ['2025-12-31', q(2025, 4)],
    ])('%s is in %o', (day, expected) => {
      expect(quarterOfDate(day)).toEqual(expected);
    });

    it('rejects an invalid day', () => {
      expect(() => quarterOfDate('2025-02-30')).toThrow(RangeError);
    });

    it('uses Vietnam time: 31 Dec 17:00 UTC is already Q1 of the next year', () => {
      expect(quarterOfInstant(new Date('2025-12-31T16:59:59.999Z'))).toEqual(q(2025, 4));
      expect(quarterOfInstant(new Date('2025-12-31T17:00:00.000Z'))).toEqual(q(2026, 1));
    });
  });
});
