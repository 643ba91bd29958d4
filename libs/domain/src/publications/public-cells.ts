import { FLOW_KEYS, FlowKey, STOCK_KEYS, StockKey } from '../aggregation/quarter-sums';
import { ZoneKind } from '../aggregation/zone-summary';
import { Ownership, OWNERSHIPS } from '../registry/ownership-history';

export type AuditedMeasure = Exclude<FlowKey, 'workerMonths'> | StockKey;

/**
 * Every published quantity that sums enterprises' figures, each audited on its own: every sum kept per zone and
 * quarter but worker-months, which only make the average wage (withheld with the wage fund).
 */
export const AUDITED_MEASURES: readonly AuditedMeasure[] = [
  ...FLOW_KEYS.filter((key): key is Exclude<FlowKey, 'workerMonths'> => key !== 'workerMonths'),
  ...STOCK_KEYS,
];

// Headcounts are stocks: a period's figure takes each enterprise's latest report in it, not a sum of quarters.
const STOCK_MEASURES: ReadonlySet<AuditedMeasure> = new Set(STOCK_KEYS);

export function isStock(measure: AuditedMeasure): boolean {
  return STOCK_MEASURES.has(measure);
}

export type HeldBackReason = 'confidential' | 'protects another figure' | 'revision held back';

/** A figure a reader does not get as computed now, and why. */
export interface HeldBack {
  readonly field: string;
  readonly reason: HeldBackReason;
}

/**
 * Each enterprise's figure for one zone, measure and quarter, from the current revisions of their reports:
 * null where a report gave none (a stock then still takes that report as the latest).
 */
export interface ContributionSet {
  readonly zoneCode: string;
  readonly kind: ZoneKind;
  readonly quarter: string;
  readonly measure: AuditedMeasure;
  readonly taxCodes: readonly string[];
  readonly amounts: ReadonlyArray<bigint | null>;
  /**
   * Each contribution's block (its enterprise's block on the quarter's last day), by position; absent in sets
   * kept before blocks were published, whose cells have no block.
   */
  readonly blocks?: readonly Ownership[];
}

/** Contributions as they stood when a publication was made: the ledger keeps a set again only when it changed. */
export interface ContributionVersion extends ContributionSet {
  readonly publicationId: number;
}

/**
 * A zone (by code), a kind's total (by kind) or the grand total ('all'), or one block of them (`ZA:foreign`,
 * `industrial_park:domestic`, `all:foreign`), for one measure over some quarters.
 */
export interface CellAddress {
  readonly area: string;
  readonly measure: AuditedMeasure;
  readonly quarters: readonly string[];
}

/** A public cell as the ledger keeps it; `value` null when withheld, the earlier figure when a revision is held back. */
export interface LedgerCell extends CellAddress {
  readonly publicationId: number;
  readonly value: bigint | null;
  readonly reason: HeldBackReason | null;
  /** The publication whose contributions the value was computed from. */
  readonly basisPublicationId: number;
}

export function cellKey(cell: CellAddress): string {
  return `${cell.area}|${cell.measure}|${cell.quarters.join(',')}`;
}

/** The area of one block of a zone or total. */
export function blockArea(area: string, block: Ownership): string {
  return `${area}:${block}`;
}

/** The zone or total an area is part of, and its block (null: the whole of it). */
export function splitArea(area: string): { whole: string; block: Ownership | null } {
  const at = area.lastIndexOf(':');
  const block = OWNERSHIPS.find((b) => b === area.slice(at + 1));
  return at < 0 || block === undefined ? { whole: area, block: null } : { whole: area.slice(0, at), block };
}

/** Whether a set's zone is within the area (for a block's area, some of its contributions may still be outside). */
export function inArea(area: string, set: Pick<ContributionSet, 'zoneCode' | 'kind'>): boolean {
  const { whole } = splitArea(area);
  return whole === 'all' || whole === set.kind || whole === set.zoneCode;
}

/** Whether the set's contribution at `index` counts in a cell of `block` (null: of the whole area). */
export function inBlock(block: Ownership | null, set: Pick<ContributionSet, 'blocks'>, index: number): boolean {
  return block === null || set.blocks?.[index] === block;
}

export function sameContributions(a: ContributionSet, b: ContributionSet): boolean {
  return (
    a.kind === b.kind &&
    a.taxCodes.length === b.taxCodes.length &&
    a.taxCodes.every((t, i) => t === b.taxCodes[i] && a.amounts[i] === b.amounts[i] && a.blocks?.[i] === b.blocks?.[i])
  );
}
