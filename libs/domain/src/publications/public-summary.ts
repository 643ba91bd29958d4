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

/** One period of a publication and its per-enterprise contributions. */
export interface DisclosedPeriod {
  readonly summary: Summary;
  readonly contributions: readonly ZoneContributions[];
}

/**
 * A summary as it may leave the board: figures that would reveal one enterprise are null and named in
 * `withheld` (primary and secondary suppression, one pattern per zone); counts stay. A zone's share of
 * its kind is withheld too when the kind's total is, since share × output would give the total back.
 */
export function discloseSummary(summary: Summary, contributions: readonly ZoneContributions[], params: DisclosureParams): PublicSummary {
  return disclosePublication([{ summary, contributions }], params)[0];
}

/**
 * The public versions of the periods one publication states (the latest quarter and its year to date)
 * under one pattern: a zone or total withheld in one period is withheld in all. Otherwise a quarter
 * withheld because a single enterprise filed it would be the difference between this year to date and
 * the one published a quarter earlier. Each period's pattern is safe, and so is their union: cells that
 * pass the frequency and p% rules, pooled, pass them too.
 */
export function disclosePublication(periods: readonly DisclosedPeriod[], params: DisclosureParams): PublicSummary[] {
  const decisions = periods.map(({ summary, contributions }) => {
    const byZone = new Map(contributions.map((c) => [c.zoneCode, c.contributions]));
    return decideDisclosure(
      summary.zones.map((z) => ({ zoneCode: z.zoneCode, group: z.kind, contributions: byZone.get(z.zoneCode) ?? NONE })),
      params,
    );
  });
  const zones = new Set(decisions.flatMap((d) => d.zones.filter((z) => z.withheld).map((z) => z.zoneCode)));
  const totals = new Set(decisions.flatMap((d) => d.totals.filter((t) => t.withheld).map((t) => t.group)));
  return periods.map(({ summary }) => withholdPattern(summary, zones, totals));
}

function withholdPattern(summary: Summary, withheldZones: ReadonlySet<string>, withheldTotals: ReadonlySet<string>): PublicSummary {
  const zones = summary.zones.map((z) => {
    const withheld = withheldZones.has(z.zoneCode);
    const masked = maskFigures(z, withheld);
    if (!withheld && withheldTotals.has(z.kind) && z.grossOutputSharePct !== null) {
      return { ...masked.figures, grossOutputSharePct: null, withheld: ['grossOutputSharePct'] };
    }
    return { ...masked.figures, withheld: masked.withheld };
  });
  const total = (group: ZoneKind | 'all') => {
    const masked = maskFigures(summary.totals[group], withheldTotals.has(group));
    return { ...masked.figures, withheld: masked.withheld };
  };
  return {
    period: summary.period,
    quarters: summary.quarters,
    zones,
    totals: { industrial_park: total(ZONE_KINDS[0]), industrial_cluster: total(ZONE_KINDS[1]), all: total('all') },
  };
}
