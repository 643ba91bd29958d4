import { MinimumWageEntry, minimumWageEntryOn, minimumWageOn } from './minimum-wage';

// Deliberately unsorted and mixed across regions: the table comes from a database.
const table: MinimumWageEntry[] = [
  { effectiveFrom: '2024-07-01', region: 2, monthly: 4_410_000n },
  { effectiveFrom: '2026-01-01', region: 2, monthly: 4_730_000n },
  { effectiveFrom: '2022-07-01', region: 2, monthly: 4_160_000n },
  { effectiveFrom: '2024-07-01', region: 3, monthly: 3_860_000n },
];

describe('minimum wage', () => {
  it('takes the entry in force on the day, effective from its first day', () => {
    expect(minimumWageOn(table, 2, '2024-06-30')).toBe(4_160_000n);
    expect(minimumWageOn(table, 2, '2024-07-01')).toBe(4_410_000n);
    expect(minimumWageOn(table, 2, '2025-12-31')).toBe(4_410_000n);
    expect(minimumWageOn(table, 2, '2026-01-01')).toBe(4_730_000n);
  });

  it('ignores other regions', () => {
    expect(minimumWageOn(table, 3, '2026-06-30')).toBe(3_860_000n);
    expect(minimumWageOn(table, 1, '2026-06-30')).toBeNull();
  });

  it('is null before the first entry', () => {
    expect(minimumWageOn(table, 3, '2024-06-30')).toBeNull();
    expect(minimumWageOn([], 3, '2024-06-30')).toBeNull();
  });

  it('returns the whole entry for reporting its effective date', () => {
    expect(minimumWageEntryOn(table, 2, '2025-09-30')).toEqual(table[0]);
  });
});
