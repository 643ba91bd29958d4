import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** The board's annual target for a zone, at 2010 comparable prices. */
export interface ZoneTarget {
  readonly zoneCode: string;
  readonly year: number;
  /** Đồng, as a string of digits. */
  readonly grossOutputConstant2010: string;
  readonly updatedAt: Date;
}

interface ZoneTargetRow {
  zone_code: string;
  year: number;
  gross_output_constant_2010: string;
  updated_at: Date;
}

const toTarget = (r: ZoneTargetRow): ZoneTarget => ({
  zoneCode: r.zone_code,
  year: r.year,
  grossOutputConstant2010: r.gross_output_constant_2010,
  updatedAt: r.updated_at,
});

/** Annual targets of the zones. */
export class ZoneTargetsRepository {
  constructor(private readonly db: Transactions) {}

  /** Sets a zone's target for a year, replacing the one it had. */
  async set(zoneCode: string, year: number, grossOutputConstant2010: string, tx: SqlSession = this.db.pool): Promise<ZoneTarget> {
    const [row] = await tx.query<ZoneTargetRow>(
      `INSERT INTO zone_targets (zone_code, year, gross_output_constant_2010) VALUES ($1, $2, $3)
       ON CONFLICT (zone_code, year) DO UPDATE SET gross_output_constant_2010 = EXCLUDED.gross_output_constant_2010, updated_at = now()
       RETURNING *`,
      [zoneCode, year, grossOutputConstant2010],
    );
    return toTarget(row);
  }

  /** Every target of a zone (or of all) among the caller's zones (null: every zone), by zone and year. */
  async list(zone: string | undefined, among: readonly string[] | null, tx: SqlSession = this.db.pool): Promise<ZoneTarget[]> {
    const rows = await tx.query<ZoneTargetRow>(
      `SELECT * FROM zone_targets WHERE ($1::text IS NULL OR zone_code = $1) AND ($2::text[] IS NULL OR zone_code = ANY($2))
       ORDER BY zone_code, year`,
      [zone ?? null, among],
    );
    return rows.map(toTarget);
  }

  /** The targets of `year` of the zones among `zoneCodes`, in đồng. */
  async forYear(year: number, zoneCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<Map<string, bigint>> {
    const rows = await tx.query<{ zone_code: string; target: string }>(
      'SELECT zone_code, gross_output_constant_2010::text AS target FROM zone_targets WHERE year = $1 AND zone_code = ANY($2)',
      [year, zoneCodes],
    );
    return new Map(rows.map((r) => [r.zone_code, BigInt(r.target)]));
  }
}
