import { AuditedMeasure, HeldBackReason, LedgerCell, NewLedgerCell } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

interface Row {
  publication_id: number;
  area: string;
  measure: AuditedMeasure;
  quarters: string[];
  value: string | null;
  reason: HeldBackReason | null;
  basis_publication_id: number;
}

/** Every cell each publication made public, withheld ones included (value null): insert-only. */
export class PublicCellsRepository {
  constructor(private readonly db: Transactions) {}

  /** In the transaction that stores the publication; a cell without a basis was computed from its own contributions. */
  async insert(publicationId: number, cells: readonly NewLedgerCell[], tx: SqlSession): Promise<void> {
    if (cells.length === 0) return;
    await tx.query(
      `INSERT INTO public_cells (publication_id, area, measure, quarters, value, reason, basis_publication_id)
       SELECT $1, area, measure, string_to_array(quarters, ','), value::numeric, reason, COALESCE(basis, $1)
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
         AS c(area, measure, quarters, value, reason, basis)`,
      [
        publicationId,
        cells.map((c) => c.area),
        cells.map((c) => c.measure),
        cells.map((c) => c.quarters.join(',')),
        cells.map((c) => c.value?.toString() ?? null),
        cells.map((c) => c.reason),
        cells.map((c) => c.basisPublicationId),
      ],
    );
  }

  /** The cells over quarters from `firstQuarter` ('YYYY-Qn') on, oldest publication first. */
  async since(firstQuarter: string, tx: SqlSession = this.db.pool): Promise<LedgerCell[]> {
    const rows = await tx.query<Row>(
      `SELECT publication_id, area, measure, quarters, value::text, reason, basis_publication_id FROM public_cells
       WHERE quarters[1] >= $1 ORDER BY publication_id, area, measure, quarters`,
      [firstQuarter],
    );
    return rows.map((r) => ({
      publicationId: r.publication_id,
      area: r.area,
      measure: r.measure,
      quarters: r.quarters,
      value: r.value === null ? null : BigInt(r.value),
      reason: r.reason,
      basisPublicationId: r.basis_publication_id,
    }));
  }
}
