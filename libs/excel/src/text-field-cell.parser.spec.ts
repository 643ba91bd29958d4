import { instantCellValue, periodCellValue, taxCodeCellValue } from './text-field-cell.parser';

describe('text field cells', () => {
  it('reads tax codes as text, padding numbers that lost their leading zero', () => {
    expect(taxCodeCellValue(' 5300123456 ')).toBe('5300123456');
    expect(taxCodeCellValue(5300123456)).toBe('5300123456');
    expect(taxCodeCellValue(123456789)).toBe('0123456789');
    expect(taxCodeCellValue('5300123456-001')).toBe('5300123456-001');
    expect(taxCodeCellValue(true)).toBe(true);
  });

  it.each([
    ['2025-Q3', '2025-Q3'],
    [' 2025-q3 ', '2025-Q3'],
    ['2025 - Q4', '2025-Q4'],
    ['Q3/2025', '2025-Q3'],
    ['q1-2026', '2026-Q1'],
    ['Quý 3/2025', '2025-Q3'],
    ['quý III/2025', '2025-Q3'],
    ['Quý IV năm 2024', '2024-Q4'],
    ['2025-Q5', '2025-Q5'],
    ['Q3', 'Q3'],
  ])('reads the period %j as %j', (text, period) => {
    expect(periodCellValue(text)).toBe(period);
  });

  it('reads a date in the period column as its quarter', () => {
    expect(periodCellValue(new Date('2025-09-30T00:00:00Z'))).toBe('2025-Q3');
    expect(periodCellValue(new Date('2025-10-01T00:00:00Z'))).toBe('2025-Q4');
    expect(periodCellValue(20253)).toBe(20253);
  });

  it('reads receipt stamps as Vietnam time', () => {
    expect(instantCellValue(new Date('2025-10-05T09:30:00Z'))).toBe('2025-10-05T09:30:00+07:00');
    expect(instantCellValue('05/10/2025 09:30')).toBe('2025-10-05T09:30:00+07:00');
    expect(instantCellValue('5/10/2025')).toBe('2025-10-05T00:00:00+07:00');
    expect(instantCellValue('2025-10-05')).toBe('2025-10-05T00:00:00+07:00');
    expect(instantCellValue('2025-10-05T09:30:00+07:00')).toBe('2025-10-05T09:30:00+07:00');
    expect(instantCellValue('31/02/2025')).toBe('31/02/2025');
  });
});
