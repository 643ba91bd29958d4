import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';
import { registryPage, RegistryPageQuery } from './registry-page';

export type Ownership = 'domestic' | 'foreign';
export type VsicSection = 'B' | 'C' | 'D' | 'E';

/** What the board says of an enterprise. */
export interface EnterpriseFields {
  readonly taxCode: string;
  readonly name: string;
  readonly zoneCode: string;
  readonly ownership: Ownership;
  readonly vsicSection: VsicSection | null;
  /** Calendar days 'YYYY-MM-DD'. */
  readonly operatingFrom: string;
  readonly operatingUntil: string | null;
  readonly contactEmail: string | null;
}

export interface Enterprise extends EnterpriseFields {
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface EnterpriseRow {
  tax_code: string;
  name: string;
  zone_code: string;
  ownership: Ownership;
  vsic_section: VsicSection | null;
  operating_from: string;
  operating_until: string | null;
  contact_email: string | null;
  created_at: Date;
  updated_at: Date;
}

const toEnterprise = (r: EnterpriseRow): Enterprise => ({
  taxCode: r.tax_code, name: r.name, zoneCode: r.zone_code, ownership: r.ownership, vsicSection: r.vsic_section,
  operatingFrom: r.operating_from, operatingUntil: r.operating_until, contactEmail: r.contact_email, createdAt: r.created_at, updatedAt: r.updated_at,
});

const values = (e: EnterpriseFields) => [e.taxCode, e.name, e.zoneCode, e.ownership, e.vsicSection, e.operatingFrom, e.operatingUntil, e.contactEmail];

/** The enterprises of the registry, and the registry as it was in a period. */
export class EnterprisesRepository {
  constructor(private readonly db: Transactions) {}

  /** The new enterprise, or null when its tax code is taken (by a request that got there first, too). */
  async insert(enterprise: EnterpriseFields, tx: SqlSession = this.db.pool): Promise<Enterprise | null> {
    const rows = await tx.query<EnterpriseRow>(
      `INSERT INTO enterprises (tax_code, name, zone_code, ownership, vsic_section, operating_from, operating_until, contact_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tax_code) DO NOTHING RETURNING *`,
      values(enterprise),
    );
    return rows[0] ? toEnterprise(rows[0]) : null;
  }

  async find(taxCode: string, tx: SqlSession = this.db.pool): Promise<Enterprise | null> {
    const [row] = await tx.query<EnterpriseRow>('SELECT * FROM enterprises WHERE tax_code = $1', [taxCode]);
    return row ? toEnterprise(row) : null;
  }

  /** The enterprise, its row locked until the caller's transaction ends (an update reads, checks, then writes). */
  async findForUpdate(taxCode: string, tx: SqlSession): Promise<Enterprise | null> {
    const [row] = await tx.query<EnterpriseRow>('SELECT * FROM enterprises WHERE tax_code = $1 FOR UPDATE', [taxCode]);
    return row ? toEnterprise(row) : null;
  }

  /** Writes every field; `updatedAt` moves only when one of them changes. */
  async update(enterprise: EnterpriseFields, tx: SqlSession = this.db.pool): Promise<Enterprise> {
    const [row] = await tx.query<EnterpriseRow>(
      `UPDATE enterprises SET name = $2, zone_code = $3, ownership = $4, vsic_section = $5, operating_from = $6, operating_until = $7, contact_email = $8,
         updated_at = CASE WHEN (name, zone_code, ownership, vsic_section, operating_from, operating_until, contact_email)
           IS DISTINCT FROM ($2::text, $3::text, $4::text, $5::text, $6::date, $7::date, $8::text) THEN now() ELSE updated_at END
       WHERE tax_code = $1 RETURNING *`,
      values(enterprise),
    );
    return toEnterprise(row);
  }

  /** A page of enterprises by tax code, cut to a zone and to the caller's zones. */
  async page(q: RegistryPageQuery, tx: SqlSession = this.db.pool): Promise<Enterprise[]> {
    return (await registryPage<EnterpriseRow>(tx, { table: 'enterprises', key: 'tax_code', zoneColumn: 'zone_code' }, q)).map(toEnterprise);
  }

  /**
   * Enterprise-quarters in which an enterprise operated, per zone of `zoneCodes`, over `periods`
   * (quarters 'YYYY-Qn'): the reports expected. Read from the registry folded into spans (a trigger
   * keeps them), a few hundred rows however many enterprises.
   */
  async expectedReportsByZone(periods: readonly string[], zoneCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<Map<string, number>> {
    const rows = await tx.query<{ zone_code: string; n: number }>(
      `SELECT s.zone_code, sum(s.enterprises)::int AS n
       FROM enterprise_quarter_spans s JOIN unnest($1::text[]) AS q(period) ON s.first_quarter <= q.period AND s.last_quarter >= q.period
       WHERE s.zone_code = ANY($2) GROUP BY s.zone_code`,
      [periods, zoneCodes],
    );
    return new Map(rows.map((r) => [r.zone_code, r.n]));
  }

  /** The zone of each registered tax code among `taxCodes` (unknown ones are left out), in one round trip. */
  async zonesOf(taxCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<Map<string, string>> {
    const rows = await tx.query<{ tax_code: string; zone_code: string }>('SELECT tax_code, zone_code FROM enterprises WHERE tax_code = ANY($1)', [taxCodes]);
    return new Map(rows.map((r) => [r.tax_code, r.zone_code]));
  }
}
