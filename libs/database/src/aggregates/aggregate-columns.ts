import { AggregateDelta, AggregateRow, fieldColumn, SUM_KEYS, SumKey } from '@app/domain';

/** Sums of required fields count every report; optional ones keep their own "how many gave it" count. */
const REQUIRED: ReadonlySet<SumKey> = new Set(['grossOutput', 'revenue', 'wageFund', 'workerMonths', 'workers']);
const OPTIONAL_KEYS = SUM_KEYS.filter((k) => !REQUIRED.has(k));
const column = (k: SumKey) => fieldColumn({ key: k } as never);
const countColumn = (k: SumKey) => (REQUIRED.has(k) ? 'reports' : `${column(k)}_n`);

export const AGGREGATE_SELECT = [
  'zone_code', 'period', 'next_period', 'reports', 'reports_on_time', 'reports_with_warnings',
  ...SUM_KEYS.map((k) => `${column(k)}::text AS "${k}"`),
  ...SUM_KEYS.map((k) => `${countColumn(k)} AS "${k}_n"`),
].join(', ');

export function toAggregateRow(r: Record<string, unknown>): AggregateRow {
  return {
    zoneCode: r.zone_code as string,
    period: r.period as string,
    nextPeriod: r.next_period as string,
    reports: Number(r.reports),
    reportsOnTime: Number(r.reports_on_time),
    reportsWithWarnings: Number(r.reports_with_warnings),
    sums: Object.fromEntries(SUM_KEYS.map((k) => [k, BigInt(r[k] as string)])) as Record<SumKey, bigint>,
    counts: Object.fromEntries(SUM_KEYS.map((k) => [k, Number(r[`${k}_n`])])) as Record<SumKey, number>,
  };
}

const DELTA_COLUMNS = [
  'reports', 'reports_on_time', 'reports_with_warnings',
  ...SUM_KEYS.map(column),
  ...OPTIONAL_KEYS.map((k) => `${column(k)}_n`),
];

/** One statement adding each delta to its row (created when missing); keys must be distinct. */
export function aggregateUpsert(deltas: readonly AggregateDelta[]): { sql: string; params: unknown[] } {
  const width = 3 + DELTA_COLUMNS.length;
  const params: unknown[] = [];
  const tuples = deltas.map((d, i) => {
    const c = d.change;
    params.push(
      d.zoneCode, d.period, d.nextPeriod, c.reports, c.reportsOnTime, c.reportsWithWarnings,
      ...SUM_KEYS.map((k) => c.sums[k].toString()),
      ...OPTIONAL_KEYS.map((k) => c.counts[k]),
    );
    return `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`;
  });
  const sql = `
    INSERT INTO zone_quarter_aggregates (zone_code, period, next_period, ${DELTA_COLUMNS.join(', ')})
    VALUES ${tuples.join(', ')}
    ON CONFLICT (zone_code, period, next_period) DO UPDATE SET
      ${DELTA_COLUMNS.map((col) => `${col} = zone_quarter_aggregates.${col} + EXCLUDED.${col}`).join(', ')}`;
  return { sql, params };
}

/**
 * The aggregates recomputed from the current revisions alone, in the stored shape: the reference
 * the stored rows must always equal.
 */
export const RECOMPUTE_AGGREGATES_SQL = `
  WITH current AS (
    SELECT r.*, COALESCE(LEAD(period) OVER (PARTITION BY tax_code ORDER BY period), '9999-Q4') AS next_period
    FROM report_submissions r WHERE status = 'accepted'
  )
  SELECT zone_code, period, next_period,
    count(*)::int AS reports,
    count(*) FILTER (WHERE NOT late)::int AS reports_on_time,
    count(*) FILTER (WHERE warning_count > 0)::int AS reports_with_warnings,
    ${SUM_KEYS.map((k) => (k === 'workerMonths'
      ? `sum(COALESCE(average_workers, workers) * 3)::text AS "${k}"`
      : `COALESCE(sum(${column(k)}), 0)::text AS "${k}"`)).join(',\n    ')},
    ${SUM_KEYS.map((k) => (REQUIRED.has(k) ? `count(*)::int AS "${k}_n"` : `count(${column(k)})::int AS "${k}_n"`)).join(',\n    ')}
  FROM current GROUP BY zone_code, period, next_period`;

/** Replaces every stored sum by the recomputation (recovery, bulk loads); run inside a transaction. */
export const REBUILD_AGGREGATES_SQL = `
  DELETE FROM zone_quarter_aggregates;
  INSERT INTO zone_quarter_aggregates (zone_code, period, next_period, ${DELTA_COLUMNS.join(', ')})
  SELECT zone_code, period, next_period, reports, reports_on_time, reports_with_warnings,
    ${SUM_KEYS.map((k) => `"${k}"::numeric`).join(', ')},
    ${OPTIONAL_KEYS.map((k) => `"${k}_n"`).join(', ')}
  FROM (${RECOMPUTE_AGGREGATES_SQL}) r`;
