import { BlockSplit, Summary, SummaryFigures, ZoneKind, ZoneSummary } from '../aggregation/zone-summary';
import { Ownership } from '../registry/ownership-history';
import { HeldBack } from './public-cells';

/** A flat record with money as strings of digits, the form figures take in JSON. */
export type Json<T> = { [K in keyof T]: T[K] extends bigint | null ? string | null : T[K] };

export function toJson<T extends object>(figures: T): Json<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(figures)) out[k] = typeof v === 'bigint' ? v.toString() : v;
  return out as Json<T>;
}

/** In the public version only: figures null by disclosure control, and every figure not shown as computed now, with why. */
type Disclosed = { withheld?: string[]; heldBack?: HeldBack[] };

/** The figures of each block, when the summary is split; in the public version each disclosed like its zone or total. */
type JsonBlocks = { blocks?: Record<Ownership, Json<SummaryFigures> & Disclosed> };

export interface SummaryJson {
  period: string;
  quarters: string[];
  zones: Array<Json<Omit<ZoneSummary, 'blocks'>> & JsonBlocks & Disclosed>;
  totals: Record<ZoneKind | 'all', Json<SummaryFigures> & JsonBlocks & Disclosed>;
}

/** The figures, with those of their blocks when split, in JSON form. */
function withBlocksJson<T extends SummaryFigures & BlockSplit>({ blocks, ...figures }: T): Json<Omit<T, 'blocks'>> & JsonBlocks {
  const json = toJson(figures);
  return blocks ? { ...json, blocks: { foreign: toJson(blocks.foreign), domestic: toJson(blocks.domestic) } } : json;
}

export function summaryJson(s: Summary): SummaryJson {
  return {
    period: s.period,
    quarters: s.quarters,
    zones: s.zones.map(withBlocksJson),
    totals: {
      industrial_park: withBlocksJson(s.totals.industrial_park),
      industrial_cluster: withBlocksJson(s.totals.industrial_cluster),
      all: withBlocksJson(s.totals.all),
    },
  };
}

export interface FilingCounts {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
}

/** One enterprise expected to file the quarter being filed, as `GET /v1/periods/{quarter}/filing-status` lists it. */
export interface FilingItem {
  taxCode: string;
  name: string;
  zoneCode: string;
  status: 'on_time' | 'late' | 'missing';
  reportId?: string;
  receivedAt?: string;
}

/** What a publication states, stored exactly as published (the board's and the public version). */
export interface PublishedFigures {
  latestQuarter: SummaryJson;
  yearToDate: SummaryJson;
  /** `items` (who filed) only in the board's version. */
  filing: { period: string; counts: FilingCounts; byZone: Record<string, FilingCounts>; items?: FilingItem[] };
}
