import { PublishedFigures, SummaryJson } from './published-figures';

export interface Revision {
  readonly zoneCode: string;
  readonly period: string;
  readonly fields: string[];
}

const summaries = (f: PublishedFigures): SummaryJson[] => [f.latestQuarter, f.yearToDate];
// Not the zone's own figures: a share moves whenever another zone of the kind is amended, and would
// mark every zone revised. `withheld` is how it was published, not what it says. Blocks add up to the
// zone, so a revision of theirs shows in the zone's own figures.
const NOT_COMPARED = new Set(['withheld', 'grossOutputSharePct', 'blocks']);
const key = (s: SummaryJson) => s.quarters.join(',');

/**
 * Zones whose figures for a period differ from what the latest earlier publication of that period
 * stated: late filings and amendments that arrived in between. They are marked revised. `previous`
 * lists earlier publications newest first; the last one may be months old when the period moved on.
 */
export function revisionsSince(previous: readonly PublishedFigures[], current: PublishedFigures): Revision[] {
  const revisions: Revision[] = [];
  for (const now of summaries(current)) {
    const before = previous.flatMap(summaries).find((s) => key(s) === key(now));
    if (!before) continue;
    for (const zone of now.zones) {
      const old = before.zones.find((z) => z.zoneCode === zone.zoneCode) as Record<string, unknown> | undefined;
      if (!old) continue;
      const fields = Object.keys(zone).filter(
        (k) => !NOT_COMPARED.has(k) && JSON.stringify(old[k]) !== JSON.stringify((zone as Record<string, unknown>)[k]),
      );
      if (fields.length > 0 && !revisions.some((r) => r.zoneCode === zone.zoneCode && r.period === now.period)) {
        revisions.push({ zoneCode: zone.zoneCode, period: now.period, fields });
      }
    }
  }
  return revisions;
}
