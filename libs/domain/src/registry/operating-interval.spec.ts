import { Quarter } from '../periods/quarter';
import { operatedDuring, OperatingInterval, operatingOn } from './operating-interval';

const q3: Quarter = { year: 2025, quarter: 3 };
const interval = (operatingFrom: string, operatingUntil: string | null): OperatingInterval => ({ operatingFrom, operatingUntil });

describe('operating interval', () => {
  describe('operatingOn', () => {
    it('includes both ends', () => {
      const e = interval('2025-03-15', '2025-08-31');
      expect(operatingOn(e, '2025-03-14')).toBe(false);
      expect(operatingOn(e, '2025-03-15')).toBe(true);
      expect(operatingOn(e, '2025-08-31')).toBe(true);
      expect(operatingOn(e, '2025-09-01')).toBe(false);
    });

    it('is open-ended while operatingUntil is null', () => {
      expect(operatingOn(interval('2020-01-01', null), '2099-12-31')).toBe(true);
    });
  });

  describe('operatedDuring', () => {
    it.each([
      ['starts on the last day', '2025-09-30', null, true],
      ['starts the day after', '2025-10-01', null, false],
      ['ends on the first day', '2020-01-01', '2025-07-01', true],
      ['ends the day before', '2020-01-01', '2025-06-30', false],
      ['lies inside the quarter', '2025-08-01', '2025-08-15', true],
      ['covers the quarter', '2020-01-01', '2030-12-31', true],
      ['still operates', '2020-01-01', null, true],
    ])('%s: %s..%s -> %s', (_, from, until, expected) => {
      expect(operatedDuring(interval(from, until), q3)).toBe(expected);
    });
  });
});
