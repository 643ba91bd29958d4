import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** A zone's leasable industrial land from a day on, until the next entry. */
export interface ZoneLand {
  readonly zoneCode: string;
  /** 'YYYY-MM-DD'. */
  readonly effectiveFrom: string;
  /** Hectares as PostgreSQL writes numeric(12, 2). */
  readonly leasableHa: string;
  readonly updatedAt: Date;
}

interface ZoneLandRow {
  zone_code: string;
  effective_from: string;
  leasable_ha: string;
  updated_at: Date;
}

const toLand = (r: ZoneLandRow): ZoneLand => ({
  zoneCode: r.zone_code,
  effectiveFrom: r.effective_from,
  leasableHa: r.leasable_ha,
  updatedAt: r.updated_at,
});

/** The history of the zones' leasable land. */
export class ZoneLandRepository {
  constructor(private readonly db: Transactions) {}

  /** Sets the leasable land from a day on, replacing what was recorded for that same day. */
  async set(zoneCode: string, effectiveFrom: string, leasableHa: string, tx: SqlSession = this.db.pool): Promise<ZoneLand> {
    const [row] = await tx.query<ZoneLandRow>(
      `INSERT INTO zone_land (zone_code, effective_from, leasable_ha) VALUES ($1, $2, $3)
       ON CONFLICT (zone_code, effective_from) DO UPDATE SET leasable_ha = EXCLUDED.leasable_ha, updated_at = now()
       RETURNING *`,
      [zoneCode, effectiveFrom, leasableHa],
    );
    return toLand(row);
  }

  /** Every entry of the zones among `zoneCodes`, by zone then day. */
  async history(zoneCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<ZoneLand[]> {
    const rows = await tx.query<ZoneLandRow>('SELECT * FROM zone_land WHERE zone_code = ANY($1) ORDER BY zone_code, effective_from', [
      zoneCodes,
    ]);
    return rows.map(toLand);
  }
}
