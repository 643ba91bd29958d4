import { scaledNumber } from './scaled-number';

describe('scaledNumber', () => {
  it('divides strings of digits exactly, beyond 2^53, rounding half up', () => {
    expect(scaledNumber('166000000000', 6, 0)).toBe(166_000);
    expect(scaledNumber('123456789012345678901', 6, 0)).toBe(123_456_789_012_346);
    expect(scaledNumber('2500000', 6, 0)).toBe(3);
    expect(scaledNumber('2499999', 6, 0)).toBe(2);
    expect(scaledNumber('0', 6, 0)).toBe(0);
  });

  it('keeps the decimals asked for', () => {
    expect(scaledNumber('6234567', 6, 1)).toBe(6.2);
    expect(scaledNumber('6250000', 6, 1)).toBe(6.3);
    expect(scaledNumber('4410000', 6, 2)).toBe(4.41);
    expect(scaledNumber(120499, 3, 0)).toBe(120);
  });

  it('refuses more decimals than the division leaves', () => {
    expect(() => scaledNumber('1', 3, 4)).toThrow(RangeError);
  });
});
