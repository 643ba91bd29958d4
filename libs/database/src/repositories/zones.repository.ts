import type { ZoneKind } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';
import { RegistryRepository } from './registry-repository';

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
  code: r.code,
  name: r.name,
  kind: r.kind,
  locality: r.locality,
  wageRegion: r.wage_region,
  status: r.status,
  areaHa: r.area_ha,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The zones of the registry. */
export class ZonesRepository extends RegistryRepository<ZoneFields, Zone> {
  constructor(db: Transactions) {
    super(db, {
      table: 'zones',
      key: 'code',
      zoneColumn: 'code',
      columns: [
        ['name', 'text'],
        ['kind', 'text'],
        ['locality', 'text'],
        ['wage_region', 'smallint'],
        ['status', 'text'],
        ['area_ha', 'numeric'],
      ],
      values: (z) => [z.code, z.name, z.kind, z.locality, z.wageRegion, z.status, z.areaHa],
      toRecord: toZone,
    });
  }

  /** Code, name and kind of the zones among `codes` (null: every zone), by kind then code: the rows of a summary. */
  async listByKind(codes: readonly string[] | null, tx: SqlSession = this.db.pool): Promise<Array<Pick<Zone, 'code' | 'name' | 'kind'>>> {
    return tx.query('SELECT code, name, kind FROM zones WHERE ($1::text[] IS NULL OR code = ANY($1)) ORDER BY kind, code', [codes]);
  }

  /** The registered codes among `codes` (null: every zone), sorted. */
  async codes(codes: readonly string[] | null, tx: SqlSession = this.db.pool): Promise<string[]> {
    const rows = await tx.query<{ code: string }>('SELECT code FROM zones WHERE ($1::text[] IS NULL OR code = ANY($1)) ORDER BY code', [
      codes,
    ]);
    return rows.map((r) => r.code);
  }
}
