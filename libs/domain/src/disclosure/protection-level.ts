import { DisclosureParams, resolveDisclosureRules } from './disclosure-params';

/** What a reader's interval for a sum of contributions must leave open, in the unit of the figure. */
export interface ProtectionLevel {
  /** How far the interval must reach on each side of the true sum; 0 when the sum may be known. */
  readonly margin: number;
  /** The frequency rule: the sum of fewer than the minimum of contributors is never known exactly. */
  readonly notExact: boolean;
}

/**
 * The protection a sum of per-enterprise contributions needs, by the rules that judge a published cell: the
 * p% rule's shortfall (the second largest contributor, knowing the sum to within ±m, learns the largest to
 * within X − x1 − x2 + m, which must reach p % of x1) and the frequency rule's "never exactly".
 */
export function protectionLevel(contributions: readonly bigint[], params: DisclosureParams): ProtectionLevel {
  const { pBasisPoints, minContributors } = resolveDisclosureRules(params);
  // One pass for the two largest: sums of thousands of contributions are judged at every step of the audit.
  let [x1, x2, total, contributors] = [0n, 0n, 0n, 0];
  for (const x of contributions) {
    if (x < 0n) throw new RangeError('disclosure contributions must be non-negative');
    if (x > 0n) contributors++;
    total += x;
    if (x > x1) [x1, x2] = [x, x1];
    else if (x > x2) x2 = x;
  }
  if (contributors === 0) return { margin: 0, notExact: false };
  const shortfall = pBasisPoints * x1 - 10_000n * (total - x1 - x2);
  return { margin: shortfall > 0n ? Number(shortfall) / 10_000 : 0, notExact: contributors < minContributors };
}

export function needsProtection(level: ProtectionLevel): boolean {
  return level.margin > 0 || level.notExact;
}

// The rules judge enterprises: one enterprise's figures in several quarters of a sum are one contribution.
export function pooledByEnterprise(figures: ReadonlyArray<{ readonly enterprise: string; readonly value: bigint }>): bigint[] {
  const byEnterprise = new Map<string, bigint>();
  for (const { enterprise, value } of figures) byEnterprise.set(enterprise, (byEnterprise.get(enterprise) ?? 0n) + value);
  return [...byEnterprise.values()];
}

/** The protection a sum of atoms (indices into some list of figures) needs. */
export type Protection = (atoms: readonly number[]) => ProtectionLevel;

/** The rules applied to the figures' enterprises, one enterprise's figures pooled. */
export function protectionOf(
  figures: ReadonlyArray<{ readonly enterprise: string; readonly value: bigint }>,
  params: DisclosureParams,
): Protection {
  return (atoms) => protectionLevel(pooledByEnterprise(atoms.map((a) => figures[a])), params);
}
