import { dueInstant, isLate, latestQuarterPastDue } from './due-date';
import { Quarter } from './quarter';

const q = (year: number, quarter: Quarter['quarter']): Quarter => ({ year, quarter });

describe('due date', () => {
  it.each([
    [q(2025, 1), '2025-04-09T17:00:00.000Z'],
    [q(2025, 2), '2025-07-09T17:00:00.000Z'],
    [q(2025, 3), '2025-10-09T17:00:00.000Z'],
    [q(2025, 4), '2026-01-09T17:00:00.000Z'],
  ])('%o is due at 00:00+07:00 on the 10th of the next month, i.e. %s', (quarter, expected) => {
    expect(dueInstant(quarter).toISOString()).toBe(expected);
  });

  it('is on time a millisecond before the due instant and late exactly at it', () => {
    const due = new Date('2025-10-10T00:00:00+07:00').getTime();
    expect(isLate(new Date(due - 1), q(2025, 3))).toBe(false);
    expect(isLate(new Date(due), q(2025, 3))).toBe(true);
  });

  it('judges Q4 against January of the next year', () => {
    expect(isLate(new Date('2026-01-09T23:59:59.999+07:00'), q(2025, 4))).toBe(false);
    expect(isLate(new Date('2026-01-10T00:00:00.000+07:00'), q(2025, 4))).toBe(true);
  });

  it('is not late when received during the quarter itself', () => {
    expect(isLate(new Date('2025-08-15T10:00:00+07:00'), q(2025, 3))).toBe(false);
  });

  it.each([
    ['2025-10-09T23:59:59+07:00', q(2025, 2)],
    ['2025-10-10T00:00:00+07:00', q(2025, 3)],
    ['2026-01-01T00:00:00+07:00', q(2025, 3)],
    ['2026-11-30T12:00:00+07:00', q(2026, 3)],
  ])('at %s the latest quarter past due is %o', (now, expected) => {
    expect(latestQuarterPastDue(new Date(now))).toEqual(expected);
  });
});
