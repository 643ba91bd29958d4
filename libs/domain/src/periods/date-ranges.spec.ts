import { isPublicationDay, isReceiptInstant, isRegistryDay, PUBLICATION_DAYS, RECEIPT_INSTANTS, REGISTRY_DAYS } from './date-ranges';
import { parseQuarter } from './quarter';
import { isReportingYear, QUARTER_RANGE } from './quarter-range';

describe('valid ranges of periods and dates', () => {
  it('files quarters from 2000-Q1 to 2099-Q4 only', () => {
    expect(QUARTER_RANGE.text).toBe('2000-Q1 to 2099-Q4');
    expect(parseQuarter('2000-Q1')).toEqual({ year: 2000, quarter: 1 });
    expect(parseQuarter('2099-Q4')).toEqual({ year: 2099, quarter: 4 });
    for (const text of ['0000-Q1', '1999-Q4', '2100-Q1', '9999-Q4']) expect(parseQuarter(text)).toBeNull();
    expect([1999, 2000, 2099, 2100].map(isReportingYear)).toEqual([false, true, true, false]);
  });

  it('takes registry dates from 1900-01-01 to 2099-12-31, calendar dates only', () => {
    expect(REGISTRY_DAYS.text).toBe('1900-01-01 to 2099-12-31');
    expect(['1900-01-01', '2099-12-31', '2024-02-29'].map(isRegistryDay)).toEqual([true, true, true]);
    expect(['1899-12-31', '2100-01-01', '0000-01-01', '2025-02-29', '2025-13-01', '20250101'].map(isRegistryDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('takes receipt stamps from the start of the first quarter to the end of the last, Vietnam time', () => {
    expect(RECEIPT_INSTANTS.text).toBe('2000-01-01T00:00:00+07:00 to 2099-12-31T23:59:59+07:00');
    expect(isReceiptInstant(new Date('2000-01-01T00:00:00+07:00'))).toBe(true);
    expect(isReceiptInstant(new Date('1999-12-31T23:59:59.999+07:00'))).toBe(false);
    expect(isReceiptInstant(new Date('2099-12-31T23:59:59.999+07:00'))).toBe(true);
    expect(isReceiptInstant(new Date('2100-01-01T00:00:00+07:00'))).toBe(false);
    expect(isReceiptInstant(new Date('0000-01-01T00:00:00Z'))).toBe(false);
    expect(isReceiptInstant(new Date(Number.NaN))).toBe(false);
  });

  it('publishes from the due day of the first quarter, when a quarter is first past due', () => {
    expect(PUBLICATION_DAYS.text).toBe('2000-04-10 to 2099-12-31');
    expect(['2000-04-10', '2025-11-01', '2099-12-31'].map(isPublicationDay)).toEqual([true, true, true]);
    expect(['1990-01-05', '2000-04-09', '2100-01-01', '2025-02-30'].map(isPublicationDay)).toEqual([false, false, false, false]);
  });
});
