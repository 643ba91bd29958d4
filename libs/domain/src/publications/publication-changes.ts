import type { SummaryJson } from './published-figures';

/** What moved in the public figures of a quarter between two publications of it. */
export interface PublicationChanges {
  /** The publication compared with. */
  readonly previousNumber: number;
  /** Reports counted now that the previous publication of the quarter did not count (late filings, mostly). */
  readonly reportsAdded: number;
  /** Zones with a figure withheld now that was shown before. */
  readonly newlyWithheld: readonly string[];
  /** Zones with a figure shown now that was withheld before. */
  readonly released: readonly string[];
}

/**
 * Compares the latest quarter's public figures of a publication with the previous publication of the
 * same quarter, over the zones `inScope` keeps: reports newly counted, figures newly withheld or
 * released. Public figures on both sides, so that what is said of withholding is what a reader saw.
 */
export function publicationChanges(
  previous: { readonly number: number; readonly summary: SummaryJson },
  current: SummaryJson,
  inScope: (zoneCode: string) => boolean,
): PublicationChanges {
  const before = new Map(previous.summary.zones.map((z) => [z.zoneCode, z]));
  const zones = current.zones.filter((z) => inScope(z.zoneCode));
  const withheld = (z: { withheld?: string[] } | undefined) => new Set(z?.withheld ?? []);
  const reportsAdded = zones.reduce((n, z) => n + Math.max(0, z.reportsReceived - (before.get(z.zoneCode)?.reportsReceived ?? 0)), 0);
  const newlyWithheld = zones.filter((z) => [...withheld(z)].some((f) => !withheld(before.get(z.zoneCode)).has(f)));
  const released = zones.filter((z) => [...withheld(before.get(z.zoneCode))].some((f) => !withheld(z).has(f)));
  return {
    previousNumber: previous.number,
    reportsAdded,
    newlyWithheld: newlyWithheld.map((z) => z.zoneName),
    released: released.map((z) => z.zoneName),
  };
}
