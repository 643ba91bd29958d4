import type { PublishedFigures } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** A publication's facts without its figures: what a list shows. Columns as stored. */
export interface PublicationHeader {
  id: number;
  month: string;
  forced: boolean;
  as_of: string;
  published_at: Date;
  published_by: string;
  latest_quarter: string;
  year_to_date: string;
  filing_quarter: string;
  revised: Array<{ zoneCode: string; period: string; fields: string[] }>;
}

/** A whole publication: its figures exactly as published, for the board and the public, and both workbooks. */
export interface PublicationRecord extends PublicationHeader {
  figures: PublishedFigures;
  public_figures: PublishedFigures;
  workbook: Buffer;
  public_workbook: Buffer;
}

const HEADER = 'id, month, forced, as_of, published_at, published_by, latest_quarter, year_to_date, filing_quarter, revised';
/** Publication ids are positive integers of at most nine digits: anything else names none. */
const PUBLICATION_ID = /^\d{1,9}$/;

/** `publications`: immutable numbered snapshots, read here; they are written by the publication builder. */
export class PublicationsRepository {
  constructor(private readonly db: Transactions) {}

  /** Newest first, those numbered below `beforeId` when given. */
  page(beforeId: number | null, limit: number): Promise<PublicationHeader[]> {
    return this.db.pool.query<PublicationHeader>(
      `SELECT ${HEADER} FROM publications WHERE ($1::int IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`, [beforeId, limit],
    );
  }

  /** The publication with its figures and workbooks; null when `id` names none. */
  async find(id: string | number): Promise<PublicationRecord | null> {
    if (!PUBLICATION_ID.test(String(id))) return null;
    const rows = await this.db.pool.query<PublicationRecord>(
      `SELECT ${HEADER}, figures, public_figures, workbook, public_workbook FROM publications WHERE id = $1`, [Number(id)],
    );
    return rows[0] ?? null;
  }

  /** The month's regular publication, if it has one. */
  async regularOf(month: string, tx: SqlSession = this.db.pool): Promise<number | null> {
    const rows = await tx.query<{ id: number }>('SELECT id FROM publications WHERE month = $1 AND NOT forced ORDER BY id LIMIT 1', [month]);
    return rows[0]?.id ?? null;
  }
}
