import type { PublishedFigures } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** A publication as listed: what it covers and when it was made. */
export interface PublicationSummary {
  readonly id: number;
  readonly month: string;
  readonly forced: boolean;
  readonly asOf: string;
  readonly publishedAt: Date;
  readonly publishedBy: string;
  readonly latestQuarter: string;
  readonly yearToDate: string;
}

/** With the figures exactly as published: the board's version. */
export interface PublicationWithFigures extends PublicationSummary {
  readonly figures: PublishedFigures;
}

type Row = {
  id: number; month: string; forced: boolean; as_of: string; published_at: Date; published_by: string; latest_quarter: string; year_to_date: string;
  figures?: PublishedFigures;
};
const COLUMNS = 'id, month, forced, as_of, published_at, published_by, latest_quarter, year_to_date';
const toSummary = (r: Row): PublicationSummary => ({
  id: r.id, month: r.month, forced: r.forced, asOf: r.as_of, publishedAt: r.published_at, publishedBy: r.published_by,
  latestQuarter: r.latest_quarter, yearToDate: r.year_to_date,
});

/** Publications as the board's pages read them (the API's own reads stay with its controller). */
export class PublicationReadsRepository {
  constructor(private readonly db: Transactions) {}

  /** The newest first. */
  async latest(limit: number, tx: SqlSession = this.db.pool): Promise<PublicationSummary[]> {
    return (await tx.query<Row>(`SELECT ${COLUMNS} FROM publications ORDER BY id DESC LIMIT $1`, [limit])).map(toSummary);
  }

  async find(id: number, tx: SqlSession = this.db.pool): Promise<PublicationWithFigures | null> {
    const [row] = await tx.query<Row>(`SELECT ${COLUMNS}, figures FROM publications WHERE id = $1`, [id]);
    return row ? { ...toSummary(row), figures: row.figures! } : null;
  }
}
