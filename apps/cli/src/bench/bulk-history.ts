import { Pool } from 'pg';
import { REBUILD_AGGREGATES_SQL } from '@app/database';

/**
 * Loads accepted reports straight into the database (enterprises × quarters ending at 2025-Q4) and
 * rebuilds the zone-quarter sums from them with the reference recomputation: the stored state a
 * province reaches after years of filings, without filing them one by one.
 */
export async function loadHistory(pool: Pool, o: { zones: number; enterprises: number; quarters: number }): Promise<number> {
  await pool.query(`INSERT INTO zones (code, name, kind, locality, wage_region, status)
    SELECT 'Z' || z, 'Khu công nghiệp ' || z, CASE WHEN z % 3 = 0 THEN 'industrial_cluster' ELSE 'industrial_park' END, 'Lào Cai', 1 + z % 4, 'operating'
    FROM generate_series(1, $1) z ON CONFLICT DO NOTHING`, [o.zones]);
  await pool.query(`INSERT INTO enterprises (tax_code, name, zone_code, ownership, operating_from)
    SELECT lpad((5300000000 + e)::text, 10, '0'), 'Doanh nghiệp ' || e, 'Z' || (1 + e % $2), 'domestic', '2010-01-01'
    FROM generate_series(1, $1) e ON CONFLICT DO NOTHING`, [o.enterprises, o.zones]);
  await pool.query(`INSERT INTO report_submissions (id, tax_code, period, zone_code, source, filer_role, status, revision, received_at, processed_at,
      late, gross_output, gross_output_constant_2010, revenue, workers, average_workers, wage_fund)
    SELECT gen_random_uuid(), e.tax_code, q.period, e.zone_code, 'api', 'board', 'accepted', 1, now(), now(), false,
      1000000000 + (hashtext(e.tax_code || q.period) & 1048575) * 1000, 800000000, 1100000000, 100 + (hashtext(q.period || e.tax_code) & 63), 100, 1900000000
    FROM enterprises e
    CROSS JOIN (SELECT (2025 - (i / 4)) || '-Q' || (4 - i % 4) AS period FROM generate_series(0, $1 - 1) i) q
    ON CONFLICT DO NOTHING`, [o.quarters]);
  await pool.query(REBUILD_AGGREGATES_SQL);
  await pool.query('ANALYZE');
  const [{ n }] = (await pool.query(`SELECT count(*)::int AS n FROM report_submissions WHERE status = 'accepted'`)).rows;
  return n;
}
