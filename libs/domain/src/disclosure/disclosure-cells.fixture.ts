import { DisclosureCell } from './disclosure-hierarchy';
import { MagnitudeContributions } from './magnitude-contributions';
import { PROTECTED_MAGNITUDES, ProtectedMagnitude } from './protected-magnitude';

// Test data only: the same enterprises contribute `values` to every magnitude unless overridden.
export function contributions(
  values: readonly number[],
  overrides: Partial<Record<ProtectedMagnitude, readonly number[]>> = {},
): MagnitudeContributions {
  return Object.fromEntries(
    PROTECTED_MAGNITUDES.map((magnitude) => [magnitude, (overrides[magnitude] ?? values).map(BigInt)]),
  ) as Record<ProtectedMagnitude, bigint[]>;
}

export function cell(
  zoneCode: string,
  group: string,
  values: readonly number[],
  overrides?: Partial<Record<ProtectedMagnitude, readonly number[]>>,
): DisclosureCell {
  return { zoneCode, group, contributions: contributions(values, overrides) };
}
