import { Ownership } from '../registry/ownership-history';
import { addSums, emptySums, NO_NEXT_PERIOD, QuarterSums } from './quarter-sums';

/** A change to one stored zone-quarter row. */
export interface AggregateDelta {
  readonly zoneCode: string;
  readonly period: string;
  readonly nextPeriod: string;
  readonly ownership: Ownership;
  readonly change: QuarterSums;
}

/** A current revision's place in the aggregates: its zone, its quarter, its block and what it adds. */
export interface Contribution {
  readonly zoneCode: string;
  readonly period: string;
  /** The enterprise's block at the end of `period`. */
  readonly ownership: Ownership;
  readonly sums: QuarterSums;
}

export interface Acceptance {
  /** The newly accepted revision. */
  readonly accepted: Contribution;
  /** The revision it supersedes (an amendment), if any. */
  readonly replaced: Contribution | null;
  /** The enterprise's latest current report before this quarter; used only for a first filing. */
  readonly previous: Contribution | null;
  /** The quarter of the enterprise's earliest current report after this quarter, if any. */
  readonly nextPeriod: string | null;
}

/**
 * What accepting a revision changes. An amendment swaps old figures for new in place. A first filing
 * adds a row and, since it becomes the next report of the enterprise's previous one, moves that one's
 * contribution to the row keyed by this quarter (its stock no longer counts at later period ends).
 */
export function acceptanceDeltas(a: Acceptance): AggregateDelta[] {
  const next = a.nextPeriod ?? NO_NEXT_PERIOD;
  const at = (c: Contribution, nextPeriod: string, sign: 1 | -1): AggregateDelta => ({
    zoneCode: c.zoneCode,
    period: c.period,
    nextPeriod,
    ownership: c.ownership,
    change: addSums(emptySums(), c.sums, sign),
  });
  const deltas = [at(a.accepted, next, 1)];
  if (a.replaced) {
    deltas.push(at(a.replaced, next, -1));
  } else if (a.previous) {
    deltas.push(at(a.previous, next, -1), at(a.previous, a.accepted.period, 1));
  }
  return mergeDeltas(deltas);
}

/** Deltas on the same row become one, so a single upsert statement can apply them. */
export function mergeDeltas(deltas: readonly AggregateDelta[]): AggregateDelta[] {
  const merged = new Map<string, AggregateDelta>();
  for (const d of deltas) {
    const key = aggregateKey(d);
    const existing = merged.get(key);
    merged.set(key, existing ? { ...d, change: addSums(existing.change, d.change) } : d);
  }
  return [...merged.values()];
}

/** The stored row a delta moves: zone, quarter, next period and block. */
export function aggregateKey(d: Omit<AggregateDelta, 'change'>): string {
  return `${d.zoneCode}\u0000${d.period}\u0000${d.nextPeriod}\u0000${d.ownership}`;
}
