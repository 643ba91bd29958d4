import { MagnitudeContributions, poolContributions } from './magnitude-contributions';

/** One zone's contributions; `group` is the published total it adds up to, e.g. its zone kind. */
export interface DisclosureCell {
  readonly zoneCode: string;
  readonly group: string;
  readonly contributions: MagnitudeContributions;
}

/** The name of the grand total over all zones, next to the group totals. */
export const GRAND_TOTAL = 'all';

/** A published or withheld cell: a zone (keyed by zone code) or a total (keyed by group). */
export interface DisclosureNode {
  readonly key: string;
  readonly contributions: MagnitudeContributions;
}

export interface GroupNode extends DisclosureNode {
  readonly zones: readonly DisclosureNode[];
}

/** Zones add up to their group total, group totals add up to the grand total. */
export interface DisclosureHierarchy extends DisclosureNode {
  readonly groups: readonly GroupNode[];
}

/** Groups in order of first appearance, zones in input order. */
export function buildHierarchy(cells: readonly DisclosureCell[]): DisclosureHierarchy {
  const zonesByGroup = new Map<string, DisclosureNode[]>();
  const zoneCodes = new Set<string>();
  for (const { zoneCode, group, contributions } of cells) {
    if (zoneCodes.has(zoneCode)) throw new RangeError(`zone ${zoneCode} appears more than once`);
    if (group === GRAND_TOTAL) throw new RangeError(`group '${GRAND_TOTAL}' is reserved for the grand total`);
    zoneCodes.add(zoneCode);
    zonesByGroup.set(group, [...(zonesByGroup.get(group) ?? []), { key: zoneCode, contributions }]);
  }
  const groups = [...zonesByGroup].map(([key, zones]) => ({ key, zones, contributions: pool(zones) }));
  return { key: GRAND_TOTAL, groups, contributions: pool(groups) };
}

function pool(nodes: readonly DisclosureNode[]): MagnitudeContributions {
  return poolContributions(nodes.map((node) => node.contributions));
}
