import { PROTECTED_MAGNITUDES, ProtectedMagnitude } from './protected-magnitude';

/** Per-enterprise contributions of one cell to each protected magnitude (headcounts as bigint). */
export type MagnitudeContributions = Readonly<Record<ProtectedMagnitude, readonly bigint[]>>;

// An enterprise sits in exactly one zone, so cells never share contributors and their union is a concatenation.
export function poolContributions(cells: readonly MagnitudeContributions[]): MagnitudeContributions {
  const pooled = {} as Record<ProtectedMagnitude, readonly bigint[]>;
  for (const magnitude of PROTECTED_MAGNITUDES) pooled[magnitude] = cells.flatMap((cell) => cell[magnitude]);
  return pooled;
}

/** True when some enterprise contributes a non-zero value to some magnitude. */
export function hasContributions(cell: MagnitudeContributions): boolean {
  return PROTECTED_MAGNITUDES.some((magnitude) => cell[magnitude].some((x) => x > 0n));
}
