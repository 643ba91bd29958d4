import { DisclosureHierarchy, DisclosureNode, GRAND_TOTAL, GroupNode } from './disclosure-hierarchy';
import { hasContributions } from './magnitude-contributions';
import { smallestFirst } from './suppression-order';

export type Withholding = 'primary' | 'secondary';

/** Withheld cells and why: zones by zone code, totals by group or GRAND_TOTAL. */
export interface SuppressionPattern {
  readonly zones: Map<string, Withholding>;
  readonly totals: Map<string, Withholding>;
}

/** Whether the sum of these cells, once a reader recovers it, passes the primary rules on every magnitude. */
export type ProtectionCheck = (cells: readonly DisclosureNode[]) => boolean;

/**
 * Completes a pattern of primary suppressions so that no withheld figure can be recovered by subtraction.
 * A reader subtracts the published cells under a published total from it and learns the sum of the withheld cells
 * left: under a group total, its withheld zones; under the grand total, the withheld zones under withheld group
 * totals (the others are covered by published group totals). Each such sum must pass the primary rules itself; a
 * lone primary zone fails them by definition, which is the rule that one withheld cell under a total never stays alone.
 */
export function addSecondarySuppressions(
  hierarchy: DisclosureHierarchy,
  pattern: SuppressionPattern,
  isProtected: ProtectionCheck,
): void {
  // One pass in this order is already stable: a group step only withholds zones of its own group and at worst its
  // total, which matters to the grand total step after it; the grand total step only touches groups whose totals it
  // withholds, where the group step no longer applies.
  for (const group of hierarchy.groups) {
    if (!pattern.totals.has(group.key)) protectGroupTotal(group, pattern, isProtected);
  }
  if (!pattern.totals.has(GRAND_TOTAL)) protectGrandTotal(hierarchy, pattern, isProtected);
}

function protectGroupTotal(group: GroupNode, pattern: SuppressionPattern, isProtected: ProtectionCheck): void {
  const candidates = group.zones.filter((zone) => isPublishedWithContributions(zone, pattern.zones));
  const recovered = () => withheldZones(group, pattern);
  const withhold = (zone: DisclosureNode) => pattern.zones.set(zone.key, 'secondary');
  // Out of zones, only the total can go. Under frequency and p% this does not happen: with every zone withheld the
  // recovered sum is the total itself, already withheld as primary. It keeps the pattern safe under other rules.
  if (!withholdUntilProtected(candidates, recovered, isProtected, withhold)) pattern.totals.set(group.key, 'secondary');
}

function protectGrandTotal(
  hierarchy: DisclosureHierarchy,
  pattern: SuppressionPattern,
  isProtected: ProtectionCheck,
): void {
  const recovered = () =>
    hierarchy.groups.filter((group) => pattern.totals.has(group.key)).flatMap((group) => withheldZones(group, pattern));
  const withhold = (zone: DisclosureNode) => pattern.zones.set(zone.key, 'secondary');
  // Another group total first, as one withheld group total alone is recovered by subtraction. A withheld total whose
  // zones are all published is still their sum, so it only hides something together with one of its zones.
  const groups = hierarchy.groups.filter((group) => isPublishedWithContributions(group, pattern.totals));
  const protectedByGroups = withholdUntilProtected(groups, recovered, isProtected, (group) => {
    pattern.totals.set(group.key, 'secondary');
    if (withheldZones(group, pattern).length > 0) return;
    withhold(smallestFirst(group.zones.filter((zone) => hasContributions(zone.contributions)))[0]);
  });
  if (protectedByGroups) return;
  // Every group total with contributions is withheld by now, so any published zone can join the recovered sum.
  const zones = hierarchy.groups
    .flatMap((group) => group.zones)
    .filter((zone) => isPublishedWithContributions(zone, pattern.zones));
  // As for a group total, running out of zones cannot happen under frequency and p%.
  if (!withholdUntilProtected(zones, recovered, isProtected, withhold)) pattern.totals.set(GRAND_TOTAL, 'secondary');
}

// Withholds candidates, smallest first, until the recovered sum is protected; false when they run out before.
function withholdUntilProtected<T extends DisclosureNode>(
  candidates: readonly T[],
  recovered: () => readonly DisclosureNode[],
  isProtected: ProtectionCheck,
  withhold: (candidate: T) => void,
): boolean {
  for (const candidate of smallestFirst(candidates)) {
    if (isProtected(recovered())) return true;
    withhold(candidate);
  }
  return isProtected(recovered());
}

function withheldZones(group: GroupNode, pattern: SuppressionPattern): DisclosureNode[] {
  return group.zones.filter((zone) => pattern.zones.has(zone.key));
}

// Cells without any contribution are never withheld: there is nothing in them to hide or to hide behind.
function isPublishedWithContributions(node: DisclosureNode, withheld: ReadonlyMap<string, Withholding>): boolean {
  return !withheld.has(node.key) && hasContributions(node.contributions);
}
