import { rankContributions, sumContributions } from './contribution-ranking';

// The (n,k) dominance rule, documented as the alternative to the p% rule and not applied by default: a cell is
// sensitive when its n largest contributors hold more than k% of the total, 100 · Σ top n > k · X in integers.
// Strict: a cell exactly at k% is published, e.g. {80,10,10} under (2,90).
export function dominanceSensitive(contributions: readonly bigint[], n: number, k: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  if (!Number.isSafeInteger(k) || k < 0 || k > 100) throw new RangeError('k must be an integer from 0 to 100');
  const { descending, total } = rankContributions(contributions);
  return 100n * sumContributions(descending.slice(0, n)) > BigInt(k) * total;
}
