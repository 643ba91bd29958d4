// The table is data with effective dates (loaded from the database), so rules never hard-code amounts.
export type WageRegion = 1 | 2 | 3 | 4;

export interface MinimumWageEntry {
  readonly effectiveFrom: string;
  readonly region: WageRegion;
  /** đồng per month */
  readonly monthly: bigint;
  /** the decree that set the amount */
  readonly source?: string;
}

/** The entry in force on `day`: the greatest effectiveFrom not after it; the first one listed wins a tie. */
export function minimumWageEntryOn(table: readonly MinimumWageEntry[], region: WageRegion, day: string): MinimumWageEntry | null {
  let found: MinimumWageEntry | null = null;
  for (const entry of table) {
    if (entry.region !== region || entry.effectiveFrom > day) continue;
    if (found === null || entry.effectiveFrom > found.effectiveFrom) found = entry;
  }
  return found;
}

export function minimumWageOn(table: readonly MinimumWageEntry[], region: WageRegion, day: string): bigint | null {
  return minimumWageEntryOn(table, region, day)?.monthly ?? null;
}
