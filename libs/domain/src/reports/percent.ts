// Percentages are computed exactly on bigint đồng; only the final 2-decimal result becomes a number.

/** numerator / denominator × 100, rounded half away from zero to 2 decimals; null when denominator is 0. */
export function ratioPercent(numerator: bigint, denominator: bigint): number | null {
  if (denominator === 0n) return null;
  return hundredthsToNumber(divideHalfAwayFromZero(numerator * 10_000n, denominator));
}

/** (current / previous − 1) × 100, 2 decimals; null when previous is 0 (growth from nothing is undefined). */
export function growthPercent(current: bigint, previous: bigint): number | null {
  return ratioPercent(current - previous, previous);
}

/** Integer division rounded half up (half away from zero for negatives); null when denominator is 0. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint | null {
  return denominator === 0n ? null : divideHalfAwayFromZero(numerator, denominator);
}

function divideHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return numerator < 0n !== denominator < 0n ? -quotient : quotient;
}

// Parsing the exact decimal text yields the nearest double, even beyond 2^53.
function hundredthsToNumber(hundredths: bigint): number {
  const sign = hundredths < 0n ? '-' : '';
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return Number(`${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`);
}
