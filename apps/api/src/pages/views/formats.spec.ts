import { formatBillions, formatDay, formatInstant, formatInteger, formatMillions, formatPercent, formatPeriod } from './formats';

describe('page formats', () => {
  it('writes numbers the Vietnamese way by default and the English way on request', () => {
    expect(formatInteger(1234567n, 'vi')).toBe('1.234.567');
    expect(formatInteger(1234567, 'en')).toBe('1,234,567');
    expect(formatInteger(9_999_999_999_999_999n, 'vi')).toBe('9.999.999.999.999.999');
    expect(formatPercent(0.855, 'vi')).toBe('0,86');
    expect(formatPercent(1234.5, 'en')).toBe('1,234.50');
  });

  it('shows money in billions of đồng with one decimal, rounded half away from zero, exactly', () => {
    expect(formatBillions(166_049_999_999n, 'vi')).toBe('166,0');
    expect(formatBillions(166_050_000_000n, 'vi')).toBe('166,1');
    expect(formatBillions(1_234_567_800_000_000n, 'vi')).toBe('1.234.567,8');
    expect(formatBillions(1_234_567_800_000_000n, 'en')).toBe('1,234,567.8');
    expect(formatBillions(-250_000_000n, 'en')).toBe('-0.3');
    expect(formatBillions(0n, 'vi')).toBe('0,0');
    expect(formatMillions(6_249_000n, 'vi')).toBe('6,2');
  });

  it('shows a dash where nobody reported, never 0', () => {
    for (const text of [formatBillions(null, 'vi'), formatMillions(null, 'en'), formatInteger(null, 'vi'), formatPercent(null, 'en')])
      expect(text).toBe('–');
  });

  it('writes instants in Vietnam time, and days and quarters as people write them', () => {
    expect(formatInstant(new Date('2026-11-30T07:05:00Z'), 'vi')).toBe('30/11/2026 14:05');
    expect(formatInstant(new Date('2026-11-30T20:05:00Z'), 'en')).toBe('1 Dec 2026, 03:05');
    expect(formatDay('2025-10-09', 'vi')).toBe('09/10/2025');
    expect(formatDay('2025-10-09', 'en')).toBe('9 Oct 2025');
    expect(formatPeriod('2025-Q3', 'vi')).toBe('Quý III/2025');
    expect(formatPeriod('2025-Q3', 'en')).toBe('Q3 2025');
    expect(formatPeriod('2025', 'vi')).toBe('Năm 2025');
  });
});
