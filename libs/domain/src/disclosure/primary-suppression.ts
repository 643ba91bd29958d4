import { rankContributions } from './contribution-ranking';
import { DisclosureParams, resolveDisclosureRules } from './disclosure-params';

export type SensitivityReason = 'frequency' | 'p-percent';

/** Why a cell must be withheld on its own, judged on its per-enterprise contributions to one magnitude. */
export function primarySensitivity(contributions: readonly bigint[], params: DisclosureParams): SensitivityReason | null {
  const { pBasisPoints, minContributors } = resolveDisclosureRules(params);
  const { descending, total } = rankContributions(contributions);
  const contributors = descending.filter((x) => x > 0n).length;
  // Nobody contributing means a zero total, which reveals no one.
  if (contributors === 0) return null;
  if (contributors < minContributors) return 'frequency';
  return pPercentSensitive(descending, total, pBasisPoints) ? 'p-percent' : null;
}

// p% rule: the second largest contributor, subtracting itself from the total, learns x1 to within X − x1 − x2; that
// must not be closer than p% of x1. X − x1 − x2 < p/100 · x1, scaled to basis points so that it stays in integers.
// Strict: a cell exactly at p% is published.
function pPercentSensitive(descending: readonly bigint[], total: bigint, pBasisPoints: bigint): boolean {
  const [x1 = 0n, x2 = 0n] = descending;
  return 10_000n * (total - x1 - x2) < pBasisPoints * x1;
}
