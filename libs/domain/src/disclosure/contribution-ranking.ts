// The rules are only defined for non-negative magnitudes; a negative value would let a cell look safer than it is.
export function sumContributions(contributions: readonly bigint[]): bigint {
  return contributions.reduce((sum, x) => {
    if (x < 0n) throw new RangeError('disclosure contributions must be non-negative');
    return sum + x;
  }, 0n);
}

/** Contributions largest first, with their total. */
export function rankContributions(contributions: readonly bigint[]): { descending: bigint[]; total: bigint } {
  const total = sumContributions(contributions);
  const descending = [...contributions].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  return { descending, total };
}
