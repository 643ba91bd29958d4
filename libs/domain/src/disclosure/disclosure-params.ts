export interface DisclosureParams {
  /** p of the p% rule, in percent, with at most two decimals. Board-internal: never put it in published output. */
  readonly pPercent: number;
  /** Frequency rule: a cell with fewer contributing enterprises than this is withheld. */
  readonly minContributors: number;
}

export const DEFAULT_DISCLOSURE_PARAMS: DisclosureParams = Object.freeze({ pPercent: 10, minContributors: 3 });

/** The parameters checked and in integer form: p in basis points (hundredths of a percent). */
export interface DisclosureRules {
  readonly pBasisPoints: bigint;
  readonly minContributors: number;
}

export function resolveDisclosureRules(params: DisclosureParams): DisclosureRules {
  const pBasisPoints = Math.round(params.pPercent * 100);
  // n / 100 is the double nearest to the decimal n/100, so this equality holds exactly when p has at most two
  // decimals, and then n is p in basis points with no rounding left.
  if (!Number.isSafeInteger(pBasisPoints) || pBasisPoints < 0 || pBasisPoints / 100 !== params.pPercent) {
    throw new RangeError('pPercent must be a non-negative number with at most two decimals');
  }
  if (!Number.isSafeInteger(params.minContributors) || params.minContributors < 0) {
    throw new RangeError('minContributors must be a non-negative integer');
  }
  return { pBasisPoints: BigInt(pBasisPoints), minContributors: params.minContributors };
}
