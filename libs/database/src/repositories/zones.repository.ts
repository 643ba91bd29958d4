import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';
import { registryPage, RegistryPageQuery } from './registry-page';

export type ZoneKind = 'industrial_park' | 'industrial_cluster';
export type ZoneStatus = 'operating' | 'restricted' | 'planned' | 'closing';

/** What the board says of a zone. */
export interface ZoneFields {
  readonly code: string;
  readonly name: string;
  readonly kind: ZoneKind;
  /** Commune or ward and former district: data, since administrative units change. */
  readonly locality: string;
  readonly wageRegion: 1 | 2 | 3 | 4;
  readonly status: ZoneStatus;
  /** Hectares as PostgreSQL writes numeric(12, 2). */
  readonly areaHa: string | null;
}

export interface Zone extends ZoneFields {
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface ZoneRow {
  code: string;
  name: string;
  kind: ZoneKind;
  locality: string;
  wage_region: 1 | 2 | 3 | 4;
  status: ZoneStatus;
  area_ha: string | null;
  created_at: Date;
  updated_at: Date;
}

const toZone = (r: ZoneRow): Zone => ({
  code: r.code, name: r.name, kind: r.kind, locality: r.locality, wageRegion: r.wage_region, status: r.status, areaHa: r.area_ha,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

const values = (z: ZoneFields) => [z.code, z.name, z.kind, z.locality, z.wageRegion, z.status, z.areaHa];

/** The zones of the registry. */
export class ZonesRepository {
  constructor(private readonly db: Transactions) {}

  /** The new zone, or null when its code is taken (by a request that got there first, too). */
  async insert(zone: ZoneFields, tx: SqlSession = this.db.pool): Promise<Zone | null> {
    const rows = await tx.query<ZoneRow>(
      `INSERT INTO zones (code, name, kind, locality, wage_region, status, area_ha) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO NOTHING RETURNING *`,
      values(zone),
    );
    return rows[0] ? toZone(rows[0]) : null;
  }

  async find(code: string, tx: SqlSession = this.db.pool): Promise<Zone | null> {
    const [row] = await tx.query<ZoneRow>('SELECT * FROM zones WHERE code = $1', [code]);
    return row ? toZone(row) : null;
  }

  /** The zone, its row locked until the caller's transaction ends (an update reads, checks, then writes). */
  async findForUpdate(code: string, tx: SqlSession): Promise<Zone | null> {
    const [row] = await tx.query<ZoneRow>('SELECT * FROM zones WHERE code = $1 FOR UPDATE', [code]);
    return row ? toZone(row) : null;
  }

  /** Writes every field; `updatedAt` moves only when one of them changes. */
  async update(zone: ZoneFields, tx: SqlSession = this.db.pool): Promise<Zone> {
    const [row] = await tx.query<ZoneRow>(
      `UPDATE zones SET name = $2, kind = $3, locality = $4, wage_region = $5, status = $6, area_ha = $7,
         updated_at = CASE WHEN (name, kind, locality, wage_region, status, area_ha) IS DISTINCT FROM ($2::text, $3::text, $4::text, $5::smallint, $6::text, $7::numeric)
           THEN now() ELSE updated_at END
       WHERE code = $1 RETURNING *`,
      values(zone),
    );
    return toZone(row);
  }

  /** A page of zones by code, cut to `among`. */
  async page(q: RegistryPageQuery, tx: SqlSession = this.db.pool): Promise<Zone[]> {
    return (await registryPage<ZoneRow>(tx, { table: 'zones', key: 'code', zoneColumn: 'code' }, q)).map(toZone);
  }

  /** Code, name and kind of the zones among `codes` (null: every zone), by kind then code: the rows of a summary. */
  async listByKind(codes: readonly string[] | null, tx: SqlSession = this.db.pool): Promise<Array<Pick<Zone, 'code' | 'name' | 'kind'>>> {
    return tx.query('SELECT code, name, kind FROM zones WHERE ($1::text[] IS NULL OR code = ANY($1)) ORDER BY kind, code', [codes]);
  }

  /** The registered codes among `codes` (null: every zone), sorted. */
  async codes(codes: readonly string[] | null, tx: SqlSession = this.db.pool): Promise<string[]> {
    const rows = await tx.query<{ code: string }>('SELECT code FROM zones WHERE ($1::text[] IS NULL OR code = ANY($1)) ORDER BY code', [codes]);
    return rows.map((r) => r.code);
  }
}
