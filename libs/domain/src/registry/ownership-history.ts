import { parseQuarter, quarterLastDay } from '../periods/quarter';

/** The block an enterprise belongs to: foreign-invested (FDI) or domestic. */
export type Ownership = 'domestic' | 'foreign';
export const OWNERSHIPS: readonly Ownership[] = ['foreign', 'domestic'];

/** A dated change of block: from `from` (a day 'YYYY-MM-DD') the enterprise is in `ownership`. */
export interface OwnershipChange {
  readonly from: string;
  readonly ownership: Ownership;
}

/** The block an enterprise was registered in, and its dated changes since. */
export interface OwnershipHistory {
  readonly initial: Ownership;
  readonly changes: readonly OwnershipChange[];
}

/** The block on `day`: the latest change on or before it, else the block it was registered in. */
export function ownershipOn(h: OwnershipHistory, day: string): Ownership {
  let found: OwnershipChange | null = null;
  // ISO dates order correctly as strings.
  for (const c of h.changes) if (c.from <= day && (found === null || c.from > found.from)) found = c;
  return found?.ownership ?? h.initial;
}

/**
 * The block a report of `period` ('YYYY-Qn') counts in: the enterprise's block on the quarter's last day,
 * so a quarter is counted whole in one block, the one the enterprise ended it in.
 */
export function ownershipInQuarter(h: OwnershipHistory, period: string): Ownership {
  const q = parseQuarter(period);
  if (q === null) throw new Error(`not a quarter: ${period}`);
  return ownershipOn(h, quarterLastDay(q));
}

/** What a change to the registry does to an enterprise's block. */
export type OwnershipEdit =
  | { readonly kind: 'none' }
  /** Its block since registration, its dated changes forgotten: a correction. */
  | { readonly kind: 'registered'; readonly ownership: Ownership }
  /** A dated change added (or the one of that day replaced). */
  | { readonly kind: 'dated'; readonly change: OwnershipChange };

/**
 * The edit a registry change asks for. With `from`, a change from that day. Without it, a block other
 * than today's corrects the block since registration; today's block again changes nothing (a client
 * sending the whole record back must not erase the history).
 */
export function ownershipEdit(
  h: OwnershipHistory,
  today: string,
  ownership: Ownership | undefined,
  from: string | undefined,
): OwnershipEdit {
  if (ownership === undefined) return { kind: 'none' };
  if (from !== undefined) {
    const same = h.changes.some((c) => c.from === from && c.ownership === ownership);
    return same ? { kind: 'none' } : { kind: 'dated', change: { from, ownership } };
  }
  return ownershipOn(h, today) === ownership ? { kind: 'none' } : { kind: 'registered', ownership };
}
