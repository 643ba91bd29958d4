import type { PublicationHeader } from '@app/database';
import { SummaryJson, toLocalIso } from '@app/domain';

/** A publication as a reader of `zoneCodes` (null: every zone) sees it: revision notes of its zones only. */
export function publicationView(r: PublicationHeader, zoneCodes: readonly string[] | null) {
  return {
    id: r.id,
    number: r.id,
    month: r.month,
    forced: r.forced,
    asOf: r.asOf,
    publishedAt: toLocalIso(r.publishedAt),
    publishedBy: r.publishedBy,
    latestQuarter: r.latestQuarter,
    yearToDate: r.yearToDate,
    filingQuarter: r.filingQuarter,
    revised: zoneCodes === null ? r.revised : r.revised.filter((x) => zoneCodes.includes(x.zoneCode)),
    links: { self: `/v1/publications/${r.id}`, workbook: `/v1/publications/${r.id}/workbook.xlsx` },
  };
}

/** A summary cut to the zones a reader may see; totals only for those who see every zone. */
export function summaryInScope(s: SummaryJson, zoneCodes: readonly string[] | null): SummaryJson | Omit<SummaryJson, 'totals'> {
  if (zoneCodes === null) return s;
  const { totals: _, ...rest } = s;
  return { ...rest, zones: s.zones.filter((z) => zoneCodes.includes(z.zoneCode)) };
}
