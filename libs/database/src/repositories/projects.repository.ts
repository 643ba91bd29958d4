import { BlockCounts, Ownership, UpwardProjectFacts } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';
import { BLOCK_CHANGES_JOIN, blockCounts, blockOnSql } from './enterprises.repository';
import { RegistryRepository } from './registry-repository';

// Operating on the day given as $1: started by then, not ended by then, not suspended or terminated without an end date.
const OPERATING_ON_FIRST_PARAM = `p.operating_from <= $1::date AND (p.ended_at IS NULL OR p.ended_at > $1::date)
  AND NOT (p.ended_at IS NULL AND p.status IN ('suspended', 'terminated'))`;

export type ProjectStatus = 'operating' | 'under_construction' | 'suspended' | 'terminated';

/** What the board says of an investment project. */
export interface ProjectFields {
  readonly code: string;
  readonly name: string;
  readonly taxCode: string;
  readonly zoneCode: string;
  readonly status: ProjectStatus;
  /** Calendar days 'YYYY-MM-DD'. */
  readonly operatingFrom: string | null;
  readonly endedAt: string | null;
  /** Đồng, as a string of digits. */
  readonly registeredCapital: string | null;
  /** The day the investment was registered (its certificate); the plan counts its capital from then. */
  readonly registeredOn?: string | null;
  /** USD, as a string of digits: the registered capital of a foreign-invested project in its currency. */
  readonly registeredCapitalUsd?: string | null;
  /** Land leased in the zone, hectares as PostgreSQL writes numeric(12, 2), from `leasedFrom`. */
  readonly leasedHa?: string | null;
  readonly leasedFrom?: string | null;
}

export interface Project extends ProjectFields {
  readonly registeredOn: string | null;
  readonly registeredCapitalUsd: string | null;
  readonly leasedHa: string | null;
  readonly leasedFrom: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface ProjectRow {
  code: string;
  name: string;
  tax_code: string;
  zone_code: string;
  status: ProjectStatus;
  operating_from: string | null;
  ended_at: string | null;
  registered_capital: string | null;
  registered_on: string | null;
  registered_capital_usd: string | null;
  leased_ha: string | null;
  leased_from: string | null;
  created_at: Date;
  updated_at: Date;
}

const toProject = (r: ProjectRow): Project => ({
  code: r.code,
  name: r.name,
  taxCode: r.tax_code,
  zoneCode: r.zone_code,
  status: r.status,
  operatingFrom: r.operating_from,
  endedAt: r.ended_at,
  registeredCapital: r.registered_capital,
  registeredOn: r.registered_on,
  registeredCapitalUsd: r.registered_capital_usd,
  leasedHa: r.leased_ha,
  leasedFrom: r.leased_from,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The investment projects of the registry, and those operating on a day. */
export class ProjectsRepository extends RegistryRepository<ProjectFields, Project> {
  constructor(db: Transactions) {
    super(db, {
      table: 'projects',
      key: 'code',
      zoneColumn: 'zone_code',
      columns: [
        ['name', 'text'],
        ['tax_code', 'text'],
        ['zone_code', 'text'],
        ['status', 'text'],
        ['operating_from', 'date'],
        ['ended_at', 'date'],
        ['registered_capital', 'bigint'],
        ['registered_on', 'date'],
        ['registered_capital_usd', 'bigint'],
        ['leased_ha', 'numeric'],
        ['leased_from', 'date'],
      ],
      values: (p) => [
        p.code,
        p.name,
        p.taxCode,
        p.zoneCode,
        p.status,
        p.operatingFrom,
        p.endedAt,
        p.registeredCapital,
        p.registeredOn ?? null,
        p.registeredCapitalUsd ?? null,
        p.leasedHa ?? null,
        p.leasedFrom ?? null,
      ],
      toRecord: toProject,
    });
  }

  /**
   * Every project of `zoneCodes` with its enterprise's block on `day` and whether it operates then, by the
   * same rules as `operatingByZoneAndBlock`: the registry the upward report reads.
   */
  async onDay(day: string, zoneCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<Array<Project & UpwardProjectFacts>> {
    const rows = await tx.query<ProjectRow & { ownership: Ownership; operating: boolean }>(
      `SELECT p.*, ${blockOnSql('e', '$1::date')} AS ownership, COALESCE(${OPERATING_ON_FIRST_PARAM}, false) AS operating
       FROM projects p JOIN enterprises e ON e.tax_code = p.tax_code ${BLOCK_CHANGES_JOIN('e')}
       WHERE p.zone_code = ANY($2) ORDER BY p.code`,
      [day, zoneCodes],
    );
    return rows.map((r) => ({ ...toProject(r), ownership: r.ownership, operating: r.operating }));
  }

  /** `operatingByZone` per block: each project in its enterprise's block on `day`. */
  async operatingByZoneAndBlock(day: string, zoneCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<BlockCounts> {
    const rows = await tx.query<{ zone_code: string; ownership: Ownership; n: number }>(
      `SELECT p.zone_code, ${blockOnSql('e', '$1::date')} AS ownership, count(*)::int AS n
       FROM projects p JOIN enterprises e ON e.tax_code = p.tax_code ${BLOCK_CHANGES_JOIN('e')}
       WHERE p.zone_code = ANY($2) AND ${OPERATING_ON_FIRST_PARAM} GROUP BY 1, 2`,
      [day, zoneCodes],
    );
    return blockCounts(rows);
  }

  /** Every project of the zones among `zoneCodes`, with the facts the plan reads. */
  async inZones(zoneCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<Project[]> {
    const rows = await tx.query<ProjectRow>('SELECT * FROM projects WHERE zone_code = ANY($1) ORDER BY code', [zoneCodes]);
    return rows.map(toProject);
  }

  /**
   * Projects operating on `day` ('YYYY-MM-DD'), per zone of `zoneCodes`: started by then, not ended by
   * then, and not suspended or terminated without an end date.
   */
  async operatingByZone(day: string, zoneCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<Map<string, number>> {
    const rows = await tx.query<{ zone_code: string; n: number }>(
      `SELECT zone_code, count(*)::int AS n FROM projects p WHERE zone_code = ANY($2) AND ${OPERATING_ON_FIRST_PARAM} GROUP BY zone_code`,
      [day, zoneCodes],
    );
    return new Map(rows.map((r) => [r.zone_code, r.n]));
  }
}
