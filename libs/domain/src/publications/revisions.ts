import { PublishedFigures, SummaryJson } from './published-figures';

export interface Revision {
  readonly zoneCode: string;
  readonly period: string;
  readonly fields: string[];
}

const summaries = (f: PublishedFigures): SummaryJson[] => [f.latestQuarter, f.yearToDate];
const key = (s: SummaryJson) => s.quarters.join(',');

/**
 * Zones whose figures for a period differ from what the previous publication stated for the same
 * period: late filings and amendments that arrived in between. They are marked revised.
 */
export function revisionsSince(previous: PublishedFigures | null, current: PublishedFigures): Revision[] {
  if (!previous) return [];
  const revisions: Revision[] = [];
  for (const now of summaries(current)) {
    const before = summaries(previous).find((s) => key(s) === key(now));
    if (!before) continue;
    for (const zone of now.zones) {
      const old = before.zones.find((z) => z.zoneCode === zone.zoneCode) as Record<string, unknown> | undefined;
      if (!old) continue;
      const fields = Object.keys(zone).filter((k) => k !== 'withheld' && JSON.stringify(old[k]) !== JSON.stringify((zone as Record<string, unknown>)[k]));
      if (fields.length > 0 && !revisions.some((r) => r.zoneCode === zone.zoneCode && r.period === now.period)) {
        revisions.push({ zoneCode: zone.zoneCode, period: now.period, fields });
      }
    }
  }
  return revisions;
}
