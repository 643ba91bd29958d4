import { AuditedMeasure, ContributionSet, ContributionVersion, Ownership, ZoneKind } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

interface Row {
  publication_id: number;
  zone_code: string;
  zone_kind: ZoneKind;
  quarter: string;
  measure: AuditedMeasure;
  tax_codes: string[];
  amounts: Array<string | null>;
  blocks: Ownership[] | null;
}

/**
 * The contributions behind public cells, per zone, quarter and measure, with each contribution's block (null in sets
 * kept before blocks were published), kept again only when changed: insert-only.
 */
export class PublicContributionsRepository {
  constructor(private readonly db: Transactions) {}

  async insert(publicationId: number, sets: readonly ContributionSet[], tx: SqlSession): Promise<void> {
    if (sets.length === 0) return;
    const rows = sets.map((s) => ({
      z: s.zoneCode,
      k: s.kind,
      q: s.quarter,
      m: s.measure,
      t: s.taxCodes,
      a: s.amounts.map((x) => x?.toString() ?? null),
      b: s.blocks ?? null,
    }));
    await tx.query(
      `INSERT INTO public_contributions (publication_id, zone_code, zone_kind, quarter, measure, tax_codes, amounts, blocks)
       SELECT $1, r.z, r.k, r.q, r.m,
         ARRAY(SELECT x FROM jsonb_array_elements_text(r.t) WITH ORDINALITY AS e(x, n) ORDER BY n),
         ARRAY(SELECT x::numeric FROM jsonb_array_elements_text(r.a) WITH ORDINALITY AS e(x, n) ORDER BY n),
         CASE WHEN jsonb_typeof(r.b) = 'array'
           THEN ARRAY(SELECT x FROM jsonb_array_elements_text(r.b) WITH ORDINALITY AS e(x, n) ORDER BY n) END
       FROM jsonb_to_recordset($2::jsonb) AS r(z text, k text, q text, m text, t jsonb, a jsonb, b jsonb)`,
      [publicationId, JSON.stringify(rows)],
    );
  }

  /** Every version kept for quarters from `firstQuarter` ('YYYY-Qn') on. */
  async since(firstQuarter: string, tx: SqlSession = this.db.pool): Promise<ContributionVersion[]> {
    const rows = await tx.query<Row>(
      `SELECT publication_id, zone_code, zone_kind, quarter, measure, tax_codes, amounts::text[] AS amounts, blocks
       FROM public_contributions WHERE quarter >= $1 ORDER BY publication_id, quarter, measure, zone_code`,
      [firstQuarter],
    );
    return rows.map((r) => ({
      publicationId: r.publication_id,
      zoneCode: r.zone_code,
      kind: r.zone_kind,
      quarter: r.quarter,
      measure: r.measure,
      taxCodes: r.tax_codes,
      amounts: r.amounts.map((x) => (x === null ? null : BigInt(x))),
      ...(r.blocks === null ? {} : { blocks: r.blocks }),
    }));
  }
}
