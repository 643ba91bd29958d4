import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';
import { registryPage, RegistryPageQuery } from './registry-page';

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
}

export interface Project extends ProjectFields {
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
  created_at: Date;
  updated_at: Date;
}

const toProject = (r: ProjectRow): Project => ({
  code: r.code, name: r.name, taxCode: r.tax_code, zoneCode: r.zone_code, status: r.status, operatingFrom: r.operating_from, endedAt: r.ended_at,
  registeredCapital: r.registered_capital, createdAt: r.created_at, updatedAt: r.updated_at,
});

const values = (p: ProjectFields) => [p.code, p.name, p.taxCode, p.zoneCode, p.status, p.operatingFrom, p.endedAt, p.registeredCapital];

/** The investment projects of the registry, and those operating on a day. */
export class ProjectsRepository {
  constructor(private readonly db: Transactions) {}

  /** The new project, or null when its code is taken (by a request that got there first, too). */
  async insert(project: ProjectFields, tx: SqlSession = this.db.pool): Promise<Project | null> {
    const rows = await tx.query<ProjectRow>(
      `INSERT INTO projects (code, name, tax_code, zone_code, status, operating_from, ended_at, registered_capital)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING RETURNING *`,
      values(project),
    );
    return rows[0] ? toProject(rows[0]) : null;
  }

  async find(code: string, tx: SqlSession = this.db.pool): Promise<Project | null> {
    const [row] = await tx.query<ProjectRow>('SELECT * FROM projects WHERE code = $1', [code]);
    return row ? toProject(row) : null;
  }

  /** The project, its row locked until the caller's transaction ends (an update reads, checks, then writes). */
  async findForUpdate(code: string, tx: SqlSession): Promise<Project | null> {
    const [row] = await tx.query<ProjectRow>('SELECT * FROM projects WHERE code = $1 FOR UPDATE', [code]);
    return row ? toProject(row) : null;
  }

  /** Writes every field; `updatedAt` moves only when one of them changes. */
  async update(project: ProjectFields, tx: SqlSession = this.db.pool): Promise<Project> {
    const [row] = await tx.query<ProjectRow>(
      `UPDATE projects SET name = $2, tax_code = $3, zone_code = $4, status = $5, operating_from = $6, ended_at = $7, registered_capital = $8,
         updated_at = CASE WHEN (name, tax_code, zone_code, status, operating_from, ended_at, registered_capital)
           IS DISTINCT FROM ($2::text, $3::text, $4::text, $5::text, $6::date, $7::date, $8::bigint) THEN now() ELSE updated_at END
       WHERE code = $1 RETURNING *`,
      values(project),
    );
    return toProject(row);
  }

  /** A page of projects by code, cut to a zone and to the caller's zones. */
  async page(q: RegistryPageQuery, tx: SqlSession = this.db.pool): Promise<Project[]> {
    return (await registryPage<ProjectRow>(tx, { table: 'projects', key: 'code', zoneColumn: 'zone_code' }, q)).map(toProject);
  }

  /**
   * Projects operating on `day` ('YYYY-MM-DD'), per zone of `zoneCodes`: started by then, not ended by
   * then, and not suspended or terminated without an end date.
   */
  async operatingByZone(day: string, zoneCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<Map<string, number>> {
    const rows = await tx.query<{ zone_code: string; n: number }>(
      `SELECT zone_code, count(*)::int AS n FROM projects
       WHERE zone_code = ANY($2) AND operating_from <= $1::date AND (ended_at IS NULL OR ended_at > $1::date)
         AND NOT (ended_at IS NULL AND status IN ('suspended', 'terminated'))
       GROUP BY zone_code`,
      [day, zoneCodes],
    );
    return new Map(rows.map((r) => [r.zone_code, r.n]));
  }
}
