import { PROTECTED_MAGNITUDES, ProtectedMagnitude } from './protected-magnitude';

/** The figure fields each protected magnitude covers, including those derived from it. */
export const MAGNITUDE_FIELDS: Readonly<Record<ProtectedMagnitude, readonly string[]>> = {
  // Shares, growth and plan progress are ratios against published or earlier figures, so they reveal output too.
  grossOutput: [
    'grossOutput',
    'grossOutputConstant2010',
    'grossOutputSharePct',
    'growthYoYPct',
    'growthYoYCurrentPct',
    'planProgressPct',
  ],
  revenue: ['revenue'],
  trade: ['exportValueUsd', 'importValueUsd'],
  stateBudgetPaid: ['stateBudgetPaid'],
  wages: ['wageFund', 'averageMonthlyWage'],
  workers: ['workers', 'femaleWorkers', 'foreignWorkers', 'localWorkers'],
};

/**
 * Figures not judged by the rules on their own (investment is lumpy: most enterprises realise none in a
 * quarter, so frequency would withhold nearly every zone) but withheld with the zone: a zone withheld
 * because it has a single enterprise would otherwise still publish that enterprise's investment.
 */
export const FIELDS_WITHHELD_WITH_ZONE: readonly string[] = ['realizedCapital'];

const MASKED_FIELDS = [...PROTECTED_MAGNITUDES.flatMap((magnitude) => MAGNITUDE_FIELDS[magnitude]), ...FIELDS_WITHHELD_WITH_ZONE];

/**
 * Replaces every protected field present in `figures` by null when the cell is withheld, and names those fields.
 * Counts and other fields pass through; the input is never modified.
 */
export function maskFigures<T extends object>(
  figures: T,
  withheld: boolean,
): { figures: T; withheld: string[] } {
  if (!withheld) return { figures, withheld: [] };
  const masked = MASKED_FIELDS.filter((field) => Object.hasOwn(figures, field));
  return { figures: { ...figures, ...Object.fromEntries(masked.map((field) => [field, null])) }, withheld: masked };
}
