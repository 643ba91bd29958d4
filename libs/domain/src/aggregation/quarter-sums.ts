import { Ownership } from '../registry/ownership-history';

/**
 * The sums kept per zone, quarter and block (and per quarter of each enterprise's next report, so stocks at
 * the end of any period can be taken from the latest report inside it). Averages, shares and growth
 * are never stored: they are derived on read.
 */
export const FLOW_KEYS = [
  'grossOutput',
  'grossOutputConstant2010',
  'revenue',
  'exportValueUsd',
  'importValueUsd',
  'stateBudgetPaid',
  'realizedCapital',
  'wageFund',
  'workerMonths',
] as const;
export const STOCK_KEYS = ['workers', 'femaleWorkers', 'foreignWorkers', 'localWorkers'] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];
export type StockKey = (typeof STOCK_KEYS)[number];
export type SumKey = FlowKey | StockKey;
export const SUM_KEYS: readonly SumKey[] = [...FLOW_KEYS, ...STOCK_KEYS];

/** The '9999-Q4' next period of a report that no later report follows. */
export const NO_NEXT_PERIOD = '9999-Q4';

export interface QuarterSums {
  readonly reports: number;
  readonly reportsOnTime: number;
  readonly reportsWithWarnings: number;
  /** Sum of the reported values. */
  readonly sums: Readonly<Record<SumKey, bigint>>;
  /** How many reports gave a value: 0 means "nobody reported", shown as null, not 0. */
  readonly counts: Readonly<Record<SumKey, number>>;
}

export interface AggregateRow extends QuarterSums {
  readonly zoneCode: string;
  readonly period: string;
  readonly nextPeriod: string;
  /** The block of the reports summed: each filing enterprise's block at the end of `period`. */
  readonly ownership: Ownership;
}

export function emptySums(): QuarterSums {
  const zero = <T>(v: T) => Object.fromEntries(SUM_KEYS.map((k) => [k, v])) as Record<SumKey, T>;
  return { reports: 0, reportsOnTime: 0, reportsWithWarnings: 0, sums: zero(0n), counts: zero(0) };
}

export function addSums(a: QuarterSums, b: QuarterSums, sign: 1 | -1 = 1): QuarterSums {
  const s = BigInt(sign);
  const sums = {} as Record<SumKey, bigint>;
  const counts = {} as Record<SumKey, number>;
  for (const k of SUM_KEYS) {
    sums[k] = a.sums[k] + s * b.sums[k];
    counts[k] = a.counts[k] + sign * b.counts[k];
  }
  return {
    reports: a.reports + sign * b.reports,
    reportsOnTime: a.reportsOnTime + sign * b.reportsOnTime,
    reportsWithWarnings: a.reportsWithWarnings + sign * b.reportsWithWarnings,
    sums,
    counts,
  };
}

export function sumAll(items: readonly QuarterSums[]): QuarterSums {
  return items.reduce((acc, x) => addSums(acc, x), emptySums());
}
