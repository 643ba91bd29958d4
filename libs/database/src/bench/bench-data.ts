import { ZoneQuarterSumsRepository } from '../repositories/zone-quarter-sums.repository';
import { Transactions } from '../sql/transactions.service';

/**
 * What the benchmark reads and writes straight in its own database: a province's stored history
 * loaded in bulk, the submissions still waiting for a verdict, and the plain insert rate of
 * PostgreSQL on the machine, the baseline the intake is compared with.
 */
export class BenchData {
  constructor(private readonly db: Transactions) {}

  /**
   * Loads accepted reports (enterprises × quarters ending at 2025-Q4) and rebuilds the zone-quarter
   * sums from them with the reference recomputation: the stored state a province reaches after years
   * of filings, without filing them one by one. Returns the accepted reports stored.
   */
  async loadHistory(o: { zones: number; enterprises: number; quarters: number }): Promise<number> {
    const pool = this.db.pool;
    await pool.query(
      `INSERT INTO zones (code, name, kind, locality, wage_region, status)
      SELECT 'Z' || z, 'Khu công nghiệp ' || z, CASE WHEN z % 3 = 0 THEN 'industrial_cluster' ELSE 'industrial_park' END,
        'Lào Cai', 1 + z % 4, 'operating'
      FROM generate_series(1, $1) z ON CONFLICT DO NOTHING`,
      [o.zones],
    );
    await pool.query(
      `INSERT INTO enterprises (tax_code, name, zone_code, ownership, operating_from)
      SELECT lpad((5300000000 + e)::text, 10, '0'), 'Doanh nghiệp ' || e, 'Z' || (1 + e % $2),
        CASE WHEN e % 10 < 3 THEN 'foreign' ELSE 'domestic' END, '2010-01-01'
      FROM generate_series(1, $1) e ON CONFLICT DO NOTHING`,
      [o.enterprises, o.zones],
    );
    await pool.query(
      `INSERT INTO report_submissions (id, tax_code, period, zone_code, source, filer_role, status, revision, received_at, processed_at,
        late, gross_output, gross_output_constant_2010, revenue, workers, average_workers, wage_fund)
      SELECT gen_random_uuid(), e.tax_code, q.period, e.zone_code, 'api', 'board', 'accepted', 1, now(), now(), false,
        1000000000 + (hashtext(e.tax_code || q.period) & 1048575) * 1000, 800000000, 1100000000,
        100 + (hashtext(q.period || e.tax_code) & 63), 100, 1900000000
      FROM enterprises e
      CROSS JOIN (SELECT (2025 - (i / 4)) || '-Q' || (4 - i % 4) AS period FROM generate_series(0, $1 - 1) i) q
      ON CONFLICT DO NOTHING`,
      [o.quarters],
    );
    await new ZoneQuarterSumsRepository(this.db).rebuild();
    await pool.query('ANALYZE');
    const [{ n }] = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM report_submissions WHERE status = 'accepted'`);
    return n;
  }

  /**
   * Zones P1..Pn with one enterprise each (tax codes 5399999901 on), whose sums change only with the
   * reports filed for them: what a page scoped to one of them hears is caused by those reports alone.
   */
  async loadProbeZones(n: number): Promise<Array<{ zone: string; taxCode: string }>> {
    await this.db.pool.query(
      `INSERT INTO zones (code, name, kind, locality, wage_region, status)
      SELECT 'P' || i, 'Khu đo ' || i, 'industrial_park', 'Lào Cai', 1, 'operating' FROM generate_series(1, $1) i ON CONFLICT DO NOTHING`,
      [n],
    );
    const rows = await this.db.pool.query<{ zone: string; tax_code: string }>(
      `INSERT INTO enterprises (tax_code, name, zone_code, ownership, operating_from)
      SELECT (5399999900 + i)::text, 'Doanh nghiệp đo ' || i, 'P' || i, 'domestic', '2010-01-01' FROM generate_series(1, $1) i
      ON CONFLICT (tax_code) DO UPDATE SET zone_code = EXCLUDED.zone_code
      RETURNING zone_code AS zone, tax_code`,
      [n],
    );
    return rows.map((r) => ({ zone: r.zone, taxCode: r.tax_code }));
  }

  /** Removes every submission and enterprise, before loading another history. */
  async clearHistory(): Promise<void> {
    await this.db.pool.query('DELETE FROM report_submissions');
    await this.db.pool.query('DELETE FROM enterprises');
  }

  /** Submissions stored and not yet decided. */
  async receivedCount(): Promise<number> {
    const [{ n }] = await this.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM report_submissions WHERE status = 'received'`);
    return n;
  }

  /** Whether a submission still waits for its verdict. */
  async anyReceived(): Promise<boolean> {
    return (await this.db.pool.query(`SELECT 1 FROM report_submissions WHERE status = 'received' LIMIT 1`)).length > 0;
  }

  /** Single-row INSERT commits per second from `clients` clients for `seconds`, in a table of its own dropped afterwards. */
  async insertRate(clients: number, seconds: number): Promise<number> {
    const pool = this.db.pool;
    await pool.query('CREATE TABLE IF NOT EXISTS bench_inserts (id bigserial PRIMARY KEY, payload text)');
    const end = Date.now() + seconds * 1000;
    let rows = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < end) {
          await pool.query('INSERT INTO bench_inserts (payload) VALUES ($1)', ['x']);
          rows++;
        }
      }),
    );
    await pool.query('DROP TABLE bench_inserts');
    return Math.round(rows / seconds);
  }
}
