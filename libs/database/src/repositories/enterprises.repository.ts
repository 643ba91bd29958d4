import { BlockCounts, Ownership, OwnershipChange, OwnershipHistory, RegisteredEnterprise, WageRegion } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';
import { RegistryRepository } from './registry-repository';

export type VsicSection = 'B' | 'C' | 'D' | 'E';

/** What the board says of an enterprise. */
export interface EnterpriseFields {
  readonly taxCode: string;
  readonly name: string;
  readonly zoneCode: string;
  /** The block it was registered in; later changes are dated (`ownershipChanges`). */
  readonly ownership: Ownership;
  readonly vsicSection: VsicSection | null;
  /** Calendar days 'YYYY-MM-DD'. */
  readonly operatingFrom: string;
  readonly operatingUntil: string | null;
  readonly contactEmail: string | null;
}

export interface Enterprise extends EnterpriseFields {
  /** Its dated changes of block, oldest first. */
  readonly ownershipChanges: readonly OwnershipChange[];
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
  /** Absent where a row is returned by a write (read it again for them). */
  ownership_changes?: OwnershipChange[];
  created_at: Date;
  updated_at: Date;
}

const toEnterprise = (r: EnterpriseRow): Enterprise => ({
  taxCode: r.tax_code,
  name: r.name,
  zoneCode: r.zone_code,
  ownership: r.ownership,
  vsicSection: r.vsic_section,
  operatingFrom: r.operating_from,
  operatingUntil: r.operating_until,
  contactEmail: r.contact_email,
  ownershipChanges: r.ownership_changes ?? [],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Rows of (zone, block, count) as counts per block and zone. */
export function blockCounts(rows: ReadonlyArray<{ zone_code: string; ownership: Ownership; n: number }>): BlockCounts {
  const counts = new Map<Ownership, Map<string, number>>();
  for (const r of rows) counts.set(r.ownership, (counts.get(r.ownership) ?? new Map<string, number>()).set(r.zone_code, r.n));
  return counts;
}

/**
 * SQL for the block of the enterprise row aliased `e` on `day` (an expression), for queries over many rows:
 * joined with `BLOCK_CHANGES_JOIN(e)`, only an enterprise with dated changes calls the database's
 * `enterprise_ownership_on` (a lookup per row would cost more than the rest of such a query).
 */
export const blockOnSql = (e: string, day: string) =>
  `CASE WHEN changed.tax_code IS NULL THEN ${e}.ownership ELSE enterprise_ownership_on(${e}.tax_code, ${day}) END`;
export const BLOCK_CHANGES_JOIN = (e: string) =>
  `LEFT JOIN (SELECT DISTINCT tax_code FROM enterprise_ownership_changes) changed ON changed.tax_code = ${e}.tax_code`;

// An enterprise's dated changes of block as a JSON array, oldest first, read with its row.
const OWNERSHIP_CHANGES = (
  alias: string,
) => `(SELECT COALESCE(json_agg(json_build_object('from', c.effective_from, 'ownership', c.ownership)
    ORDER BY c.effective_from), '[]') FROM enterprise_ownership_changes c WHERE c.tax_code = ${alias}.tax_code)`;

/**
 * The enterprises of the registry, and the registry as it was in a period; with `enterprise_ownership_changes`,
 * the dated changes of each one's block.
 */
export class EnterprisesRepository extends RegistryRepository<EnterpriseFields, Enterprise> {
  constructor(db: Transactions) {
    super(db, {
      table: 'enterprises',
      key: 'tax_code',
      zoneColumn: 'zone_code',
      columns: [
        ['name', 'text'],
        ['zone_code', 'text'],
        ['ownership', 'text'],
        ['vsic_section', 'text'],
        ['operating_from', 'date'],
        ['operating_until', 'date'],
        ['contact_email', 'text'],
      ],
      values: (e) => [e.taxCode, e.name, e.zoneCode, e.ownership, e.vsicSection, e.operatingFrom, e.operatingUntil, e.contactEmail],
      toRecord: toEnterprise,
      derived: `${OWNERSHIP_CHANGES('enterprises')} AS ownership_changes`,
    });
  }

  /** From `from` on, the enterprise is in `ownership` (a change on the same day is replaced). */
  async recordOwnershipChange(taxCode: string, change: OwnershipChange, tx: SqlSession): Promise<void> {
    await tx.query(
      `INSERT INTO enterprise_ownership_changes (tax_code, effective_from, ownership) VALUES ($1, $2, $3)
       ON CONFLICT (tax_code, effective_from) DO UPDATE SET ownership = EXCLUDED.ownership, recorded_at = now()`,
      [taxCode, change.from, change.ownership],
    );
  }

  /**
   * The dated changes of block of `taxCodes`, oldest first. Read in a statement of its own after the rows
   * are locked: a locking statement that waited for a concurrent change of block would still see the
   * changes as they were when it began (read committed refreshes the locked row, not the rest).
   */
  async ownershipChangesOf(taxCodes: readonly string[], tx: SqlSession): Promise<Map<string, OwnershipChange[]>> {
    const rows = await tx.query<{ tax_code: string; effective_from: string; ownership: Ownership }>(
      `SELECT tax_code, effective_from, ownership FROM enterprise_ownership_changes WHERE tax_code = ANY($1)
       ORDER BY tax_code, effective_from`,
      [taxCodes],
    );
    const changes = new Map<string, OwnershipChange[]>();
    for (const r of rows) changes.set(r.tax_code, [...(changes.get(r.tax_code) ?? []), { from: r.effective_from, ownership: r.ownership }]);
    return changes;
  }

  /** Forgets the enterprise's dated changes: its registered block holds throughout. */
  async clearOwnershipChanges(taxCode: string, tx: SqlSession): Promise<void> {
    await tx.query('DELETE FROM enterprise_ownership_changes WHERE tax_code = $1', [taxCode]);
  }

  /**
   * Enterprise-quarters in which an enterprise operated, per zone of `zoneCodes`, over `periods`
   * (quarters 'YYYY-Qn'): the reports expected. Read from the registry folded into spans (a trigger
   * keeps them), a few hundred rows however many enterprises.
   */
  async expectedReportsByZone(
    periods: readonly string[],
    zoneCodes: readonly string[],
    tx: SqlSession = this.db.pool,
  ): Promise<Map<string, number>> {
    const rows = await tx.query<{ zone_code: string; n: number }>(
      `SELECT s.zone_code, sum(s.enterprises)::int AS n
       FROM enterprise_quarter_spans s JOIN unnest($1::text[]) AS q(period) ON s.first_quarter <= q.period AND s.last_quarter >= q.period
       WHERE s.zone_code = ANY($2) GROUP BY s.zone_code`,
      [periods, zoneCodes],
    );
    return new Map(rows.map((r) => [r.zone_code, r.n]));
  }

  /**
   * `expectedReportsByZone` per block: each enterprise-quarter in the block the enterprise was in at the
   * quarter's end. Read from the registry itself (the spans do not know blocks): only a split summary asks.
   */
  async expectedReportsByZoneAndBlock(
    periods: readonly string[],
    zoneCodes: readonly string[],
    tx: SqlSession = this.db.pool,
  ): Promise<BlockCounts> {
    const rows = await tx.query<{ zone_code: string; ownership: Ownership; n: number }>(
      `WITH q AS (SELECT quarter_last_day(period) AS last_day FROM unnest($1::text[]) AS period)
       SELECT e.zone_code, ${blockOnSql('e', 'q.last_day')} AS ownership, count(*)::int AS n
       FROM enterprises e
         JOIN q ON e.operating_from <= q.last_day AND (e.operating_until IS NULL OR e.operating_until >= date_trunc('quarter', q.last_day))
         ${BLOCK_CHANGES_JOIN('e')}
       WHERE e.zone_code = ANY($2) GROUP BY 1, 2`,
      [periods, zoneCodes],
    );
    return blockCounts(rows);
  }

  /** The zone of each registered tax code among `taxCodes` (unknown ones are left out), in one round trip. */
  async zonesOf(taxCodes: readonly string[], tx: SqlSession = this.db.pool): Promise<Map<string, string>> {
    const rows = await tx.query<{ tax_code: string; zone_code: string }>(
      'SELECT tax_code, zone_code FROM enterprises WHERE tax_code = ANY($1)',
      [taxCodes],
    );
    return new Map(rows.map((r) => [r.tax_code, r.zone_code]));
  }

  /**
   * The registry entries of `taxCodes` a verdict judges by (with their zone's wage region), locked in
   * tax code order until the caller's transaction ends: the registry cannot change under a verdict.
   */
  async lockForVerdicts(
    taxCodes: readonly string[],
    tx: SqlSession,
  ): Promise<Map<string, RegisteredEnterprise & { zoneCode: string; ownership: OwnershipHistory }>> {
    const rows = await tx.query<{
      tax_code: string;
      zone_code: string;
      operating_from: string;
      operating_until: string | null;
      wage_region: number;
      ownership: Ownership;
    }>(
      `SELECT e.tax_code, e.zone_code, e.operating_from, e.operating_until, z.wage_region, e.ownership
       FROM enterprises e JOIN zones z ON z.code = e.zone_code WHERE e.tax_code = ANY($1) ORDER BY e.tax_code FOR UPDATE OF e`,
      [taxCodes],
    );
    const changes = await this.ownershipChangesOf(taxCodes, tx);
    return new Map(
      rows.map((r) => [
        r.tax_code,
        {
          zoneCode: r.zone_code,
          operatingFrom: r.operating_from,
          operatingUntil: r.operating_until,
          wageRegion: Number(r.wage_region) as WageRegion,
          ownership: { initial: r.ownership, changes: changes.get(r.tax_code) ?? [] },
        },
      ]),
    );
  }
}
