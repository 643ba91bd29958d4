import { SummaryFigures, Summary, ZONE_KINDS, ZoneKind, ZoneSummary } from '../aggregation/zone-summary';
import { maskFigures } from '../disclosure/apply-disclosure';
import { decideDisclosure } from '../disclosure/disclosure-control';
import { DisclosureParams } from '../disclosure/disclosure-params';
import { MagnitudeContributions } from '../disclosure/magnitude-contributions';
import { PROTECTED_MAGNITUDES } from '../disclosure/protected-magnitude';

/** The per-enterprise contributions of one zone over the summary's period. */
export interface ZoneContributions {
  readonly zoneCode: string;
  readonly contributions: MagnitudeContributions;
}

export type Withheld<T> = T & { withheld: string[] };

export interface PublicSummary {
  period: string;
  quarters: string[];
  zones: Array<Withheld<ZoneSummary>>;
  totals: Record<ZoneKind | 'all', Withheld<SummaryFigures>>;
}

const NONE: MagnitudeContributions = Object.fromEntries(PROTECTED_MAGNITUDES.map((m) => [m, []])) as unknown as MagnitudeContributions;

/**
 * A summary as it may leave the board: figures that would reveal one enterprise are null and named in
 * `withheld` (primary and secondary suppression, one pattern per zone); counts stay. A zone's share of
 * its kind is withheld too when the kind's total is, since share × output would give the total back.
 */
export function discloseSummary(summary: Summary, contributions: readonly ZoneContributions[], params: DisclosureParams): PublicSummary {
  const byZone = new Map(contributions.map((c) => [c.zoneCode, c.contributions]));
  const decision = decideDisclosure(
    summary.zones.map((z) => ({ zoneCode: z.zoneCode, group: z.kind, contributions: byZone.get(z.zoneCode) ?? NONE })),
    params,
  );
  const totalWithheld = (group: string) => decision.totals.find((t) => t.group === group)?.withheld ?? false;
  const zones = summary.zones.map((z) => {
    const withheld = decision.zones.find((d) => d.zoneCode === z.zoneCode)?.withheld ?? false;
    const masked = maskFigures(z, withheld);
    if (!withheld && totalWithheld(z.kind) && z.grossOutputSharePct !== null) {
      return { ...masked.figures, grossOutputSharePct: null, withheld: ['grossOutputSharePct'] };
    }
    return { ...masked.figures, withheld: masked.withheld };
  });
  const total = (group: ZoneKind | 'all') => {
    const masked = maskFigures(summary.totals[group], totalWithheld(group));
    return { ...masked.figures, withheld: masked.withheld };
  };
  return {
    period: summary.period,
    quarters: summary.quarters,
    zones,
    totals: { industrial_park: total(ZONE_KINDS[0]), industrial_cluster: total(ZONE_KINDS[1]), all: total('all') },
  };
}
