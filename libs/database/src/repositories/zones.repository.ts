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
  /** Natural area, hectares as PostgreSQL writes numeric(12, 2). */
  readonly areaHa: string | null;
  /** The day the zone was established ('YYYY-MM-DD'); null while only planned. */
  readonly establishedOn?: string | null;
  /** The central wastewater treatment plant: its capacity (m³ a day) and the day it began operating. */
  readonly wastewaterCapacityM3Day?: number | null;
  readonly wastewaterOperatingFrom?: string | null;
}

export interface Zone extends ZoneFields {
  readonly establishedOn: string | null;
  readonly wastewaterCapacityM3Day: number | null;
  readonly wastewaterOperatingFrom: string | null;
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
  established_on: string | null;
  wastewater_capacity_m3_day: number | null;
  wastewater_operating_from: string | null;
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
  establishedOn: r.established_on,
  wastewaterCapacityM3Day: r.wastewater_capacity_m3_day,
  wastewaterOperatingFrom: r.wastewater_operating_from,
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
        ['established_on', 'date'],
        ['wastewater_capacity_m3_day', 'integer'],
        ['wastewater_operating_from', 'date'],
      ],
      values: (z) => [
        z.code,
        z.name,
        z.kind,
        z.locality,
        z.wageRegion,
        z.status,
        z.areaHa,
        z.establishedOn ?? null,
        z.wastewaterCapacityM3Day ?? null,
        z.wastewaterOperatingFrom ?? null,
      ],
      toRecord: toZone,
    });
  }

  /** Code, name and kind of the zones among `codes` (null: every zone), by kind then code: the rows of a summary. */
  async listByKind(codes: readonly string[] | null, tx: SqlSession = this.db.pool): Promise<Array<Pick<Zone, 'code' | 'name' | 'kind'>>> {
    return tx.query('SELECT code, name, kind FROM zones WHERE ($1::text[] IS NULL OR code = ANY($1)) ORDER BY kind, code', [codes]);
  }

  /** The zones among `codes` (null: every zone) with the facts the plan reads, by code. */
  async planFacts(codes: readonly string[] | null, tx: SqlSession = this.db.pool): Promise<Zone[]> {
    const rows = await tx.query<ZoneRow>('SELECT * FROM zones WHERE ($1::text[] IS NULL OR code = ANY($1)) ORDER BY code', [codes]);
    return rows.map(toZone);
  }

  /** The registered codes among `codes` (null: every zone), sorted. */
  async codes(codes: readonly string[] | null, tx: SqlSession = this.db.pool): Promise<string[]> {
    const rows = await tx.query<{ code: string }>('SELECT code FROM zones WHERE ($1::text[] IS NULL OR code = ANY($1)) ORDER BY code', [
      codes,
    ]);
    return rows.map((r) => r.code);
  }
}
