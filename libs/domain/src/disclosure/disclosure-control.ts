import { buildHierarchy, DisclosureCell } from './disclosure-hierarchy';
import { DisclosureParams } from './disclosure-params';
import { MagnitudeContributions, poolContributions } from './magnitude-contributions';
import { sensitiveMagnitudes } from './primary-suppression';
import { ProtectedMagnitude } from './protected-magnitude';
import { addSecondarySuppressions, SuppressionPattern, Withholding } from './secondary-suppression';

// Publish `withheld` only: reason and sensitive magnitudes point at the dominated zone, so they are for the board.
export interface ZoneDisclosure {
  readonly zoneCode: string;
  readonly withheld: boolean;
  readonly reason: Withholding | null;
  /** The magnitudes that are sensitive in the zone itself; empty unless withheld as primary. */
  readonly sensitiveMagnitudes: readonly ProtectedMagnitude[];
}

/** One per group, in order of first appearance, then the grand total (group 'all'). */
export interface TotalDisclosure {
  readonly group: string;
  readonly withheld: boolean;
  readonly reason: Withholding | null;
}

export interface DisclosureDecision {
  readonly zones: readonly ZoneDisclosure[];
  readonly totals: readonly TotalDisclosure[];
}

/**
 * Which zone figures and totals a published summary must withhold. A zone is withheld on all magnitudes at once,
 * as average wage = wages / workers would leak otherwise. Zones come back in input order.
 */
export function decideDisclosure(cells: readonly DisclosureCell[], params: DisclosureParams): DisclosureDecision {
  const hierarchy = buildHierarchy(cells);
  const isSensitive = (contributions: MagnitudeContributions) => sensitiveMagnitudes(contributions, params).length > 0;
  const zones = cells.map(({ zoneCode, contributions }) => ({
    zoneCode,
    sensitiveMagnitudes: sensitiveMagnitudes(contributions, params),
  }));
  const totals = [...hierarchy.groups, hierarchy];
  const pattern: SuppressionPattern = {
    zones: primary(zones.filter((zone) => zone.sensitiveMagnitudes.length > 0).map((zone) => zone.zoneCode)),
    totals: primary(totals.filter((total) => isSensitive(total.contributions)).map((total) => total.key)),
  };
  addSecondarySuppressions(hierarchy, pattern, (recovered) =>
    !isSensitive(poolContributions(recovered.map((cell) => cell.contributions))),
  );
  return {
    zones: zones.map((zone) => ({
      zoneCode: zone.zoneCode,
      ...withholdingOf(pattern.zones, zone.zoneCode),
      sensitiveMagnitudes: zone.sensitiveMagnitudes,
    })),
    totals: totals.map(({ key }) => ({ group: key, ...withholdingOf(pattern.totals, key) })),
  };
}

function withholdingOf(
  withheld: ReadonlyMap<string, Withholding>,
  key: string,
): Pick<TotalDisclosure, 'withheld' | 'reason'> {
  const reason = withheld.get(key) ?? null;
  return { withheld: reason !== null, reason };
}

function primary(keys: readonly string[]): Map<string, Withholding> {
  return new Map(keys.map((key) => [key, 'primary']));
}
