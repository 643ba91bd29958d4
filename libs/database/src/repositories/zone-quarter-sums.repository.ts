import { AggregateDelta, aggregateKey, AggregateRow, fieldColumn, Ownership, SUM_KEYS, SumKey, ZoneKind } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { BLOCK_CHANGES_JOIN, blockOnSql } from './enterprises.repository';
import { Transactions } from '../sql/transactions.service';

/** Sums of required fields count every report; optional ones keep their own "how many gave it" count. */
const REQUIRED: ReadonlySet<SumKey> = new Set(['grossOutput', 'revenue', 'wageFund', 'workerMonths', 'workers']);
const OPTIONAL_KEYS = SUM_KEYS.filter((k) => !REQUIRED.has(k));
const column = (k: SumKey) => fieldColumn({ key: k } as never);
const countColumn = (k: SumKey) => (REQUIRED.has(k) ? 'reports' : `${column(k)}_n`);

export const AGGREGATE_SELECT = [
  'zone_code',
  'period',
  'next_period',
  'ownership',
  'reports',
  'reports_on_time',
  'reports_with_warnings',
  ...SUM_KEYS.map((k) => `${column(k)}::text AS "${k}"`),
  ...SUM_KEYS.map((k) => `${countColumn(k)} AS "${k}_n"`),
].join(', ');

function toAggregateRow(r: Record<string, unknown>): AggregateRow {
  return {
    zoneCode: r.zone_code as string,
    period: r.period as string,
    nextPeriod: r.next_period as string,
    ownership: r.ownership as Ownership,
    reports: Number(r.reports),
    reportsOnTime: Number(r.reports_on_time),
    reportsWithWarnings: Number(r.reports_with_warnings),
    sums: Object.fromEntries(SUM_KEYS.map((k) => [k, BigInt(r[k] as string)])) as Record<SumKey, bigint>,
    counts: Object.fromEntries(SUM_KEYS.map((k) => [k, Number(r[`${k}_n`])])) as Record<SumKey, number>,
  };
}

const DELTA_COLUMNS = [
  'reports',
  'reports_on_time',
  'reports_with_warnings',
  ...SUM_KEYS.map(column),
  ...OPTIONAL_KEYS.map((k) => `${column(k)}_n`),
];

/** One statement adding each delta to its row (created when missing); keys must be distinct. */
function aggregateUpsert(deltas: readonly AggregateDelta[]): { sql: string; params: unknown[] } {
  const width = 4 + DELTA_COLUMNS.length;
  const params: unknown[] = [];
  const tuples = deltas.map((d, i) => {
    const c = d.change;
    params.push(
      d.zoneCode,
      d.period,
      d.nextPeriod,
      d.ownership,
      c.reports,
      c.reportsOnTime,
      c.reportsWithWarnings,
      ...SUM_KEYS.map((k) => c.sums[k].toString()),
      ...OPTIONAL_KEYS.map((k) => c.counts[k]),
    );
    return `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`;
  });
  const sql = `
    INSERT INTO zone_quarter_aggregates (zone_code, period, next_period, ownership, ${DELTA_COLUMNS.join(', ')})
    VALUES ${tuples.join(', ')}
    ON CONFLICT (zone_code, period, next_period, ownership) DO UPDATE SET
      ${DELTA_COLUMNS.map((col) => `${col} = zone_quarter_aggregates.${col} + EXCLUDED.${col}`).join(', ')}`;
  return { sql, params };
}

// The zones given as $1, for a recomputation of theirs only; each of their enterprises' reports is read
// wherever it lies, since the next report of one may lie in a zone it moved to.
const ZONES_GIVEN = {
  reports: `r.tax_code IN (SELECT tax_code FROM report_submissions WHERE zone_code = ANY($1) AND status = 'accepted')`,
  rows: 'zone_code = ANY($1)',
};
const EVERY_ZONE = { reports: 'true', rows: 'true' };

/**
 * The aggregates recomputed from the current revisions alone (of the zones `zones` selects), in the stored
 * shape: the reference the stored rows must always equal. A report's block is its enterprise's on the
 * last day of the report's quarter (the migration's `enterprise_ownership_on`).
 */
const recomputeSql = (zones: typeof EVERY_ZONE) => `
  WITH current AS (
    SELECT r.*, COALESCE(LEAD(r.period) OVER (PARTITION BY r.tax_code ORDER BY r.period), '9999-Q4') AS next_period,
      ${blockOnSql('e', 'quarter_last_day(r.period)')} AS ownership
    FROM report_submissions r JOIN enterprises e ON e.tax_code = r.tax_code ${BLOCK_CHANGES_JOIN('e')}
    WHERE r.status = 'accepted' AND ${zones.reports}
  )
  SELECT zone_code, period, next_period, ownership,
    count(*)::int AS reports,
    count(*) FILTER (WHERE NOT late)::int AS reports_on_time,
    count(*) FILTER (WHERE warning_count > 0)::int AS reports_with_warnings,
    ${SUM_KEYS.map((k) =>
      k === 'workerMonths'
        ? `sum(COALESCE(average_workers, workers) * 3)::text AS "${k}"`
        : `COALESCE(sum(${column(k)}), 0)::text AS "${k}"`,
    ).join(',\n    ')},
    ${SUM_KEYS.map((k) => (REQUIRED.has(k) ? `count(*)::int AS "${k}_n"` : `count(${column(k)})::int AS "${k}_n"`)).join(',\n    ')}
  FROM current WHERE ${zones.rows} GROUP BY zone_code, period, next_period, ownership`;

export const RECOMPUTE_AGGREGATES_SQL = recomputeSql(EVERY_ZONE);

/** Stores the recomputation (of the zones `zones` selects), into rows emptied beforehand. */
const insertRecomputedSql = (zones: typeof EVERY_ZONE) => `
  INSERT INTO zone_quarter_aggregates (zone_code, period, next_period, ownership, ${DELTA_COLUMNS.join(', ')})
  SELECT zone_code, period, next_period, ownership, reports, reports_on_time, reports_with_warnings,
    ${SUM_KEYS.map((k) => `"${k}"::numeric`).join(', ')},
    ${OPTIONAL_KEYS.map((k) => `"${k}_n"`).join(', ')}
  FROM (${recomputeSql(zones)}) r`;

/**
 * `zone_quarter_aggregates`: the sums of the current revisions per zone, quarter and the quarter of each
 * enterprise's next current report, moved by each verdict and read by every summary.
 */
export class ZoneQuarterSumsRepository {
  constructor(private readonly db: Transactions) {}

  /**
   * Adds the deltas, one statement for them all, in key order (concurrent verdict batches lock rows in
   * the same order and never deadlock); rows left with no report are dropped.
   */
  async apply(deltas: readonly AggregateDelta[], tx: SqlSession): Promise<void> {
    if (deltas.length === 0) return;
    const sorted = [...deltas].sort((a, b) => aggregateKey(a).localeCompare(aggregateKey(b)));
    const upsert = aggregateUpsert(sorted);
    await tx.query(upsert.sql, upsert.params);
    await tx.query(
      `DELETE FROM zone_quarter_aggregates WHERE reports = 0
         AND (zone_code, period, next_period, ownership) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]))`,
      [sorted.map((d) => d.zoneCode), sorted.map((d) => d.period), sorted.map((d) => d.nextPeriod), sorted.map((d) => d.ownership)],
    );
  }

  /** The rows of `periods` (quarters 'YYYY-Qn') of the zones among `zoneCodes`. */
  async inPeriods(periods: readonly string[], zoneCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<AggregateRow[]> {
    const rows = await tx.query(`SELECT ${AGGREGATE_SELECT} FROM zone_quarter_aggregates WHERE period = ANY($1) AND zone_code = ANY($2)`, [
      periods,
      zoneCodes,
    ]);
    return rows.map(toAggregateRow);
  }

  /** The gross output reported over `periods` by every zone of each kind. */
  async grossOutputByKind(periods: readonly string[], tx: SqlSession = this.db.pool): Promise<Map<ZoneKind, bigint>> {
    const rows = await tx.query<{ kind: ZoneKind; output: string }>(
      `SELECT z.kind, sum(a.gross_output)::text AS output FROM zone_quarter_aggregates a JOIN zones z ON z.code = a.zone_code
       WHERE a.period = ANY($1) AND a.reports > 0 GROUP BY z.kind`,
      [periods],
    );
    return new Map(rows.map((k) => [k.kind, BigInt(k.output)]));
  }

  /** Replaces every stored row by the recomputation (recovery, bulk loads), in one transaction. */
  async rebuild(): Promise<void> {
    await this.db.run(async (tx) => {
      await tx.query('DELETE FROM zone_quarter_aggregates');
      await tx.query(insertRecomputedSql(EVERY_ZONE));
    });
  }

  /**
   * Recomputes the rows of `zoneCodes` in the caller's transaction, after a change that moves already
   * counted reports between blocks (an enterprise's block changed from a past day). Verdicts are held
   * off the table meanwhile (readers are not): a verdict committed between the delete and the insert
   * would otherwise be counted twice or lost. Such changes are rare and a zone's rows are few.
   */
  async rebuildZones(zoneCodes: readonly string[], tx: SqlSession): Promise<void> {
    if (zoneCodes.length === 0) return;
    await tx.query('LOCK TABLE zone_quarter_aggregates IN SHARE ROW EXCLUSIVE MODE');
    await tx.query('DELETE FROM zone_quarter_aggregates WHERE zone_code = ANY($1)', [zoneCodes]);
    await tx.query(insertRecomputedSql(ZONES_GIVEN), [zoneCodes]);
  }
}
