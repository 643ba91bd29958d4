import type { PublishedFigures, Revision, SummaryJson } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** A publication's facts without its figures: what a list shows. */
export interface PublicationHeader {
  readonly id: number;
  readonly month: string;
  readonly forced: boolean;
  /** The day whose publication it is ('YYYY-MM-DD', Vietnam time). */
  readonly asOf: string;
  readonly publishedAt: Date;
  readonly publishedBy: string;
  readonly latestQuarter: string;
  readonly yearToDate: string;
  readonly filingQuarter: string;
  /** Zones and fields changed since their period was last published. */
  readonly revised: Revision[];
}

/** A whole publication: its figures exactly as published, for the board and the public, and both workbooks. */
export interface PublicationRecord extends PublicationHeader {
  readonly figures: PublishedFigures;
  readonly publicFigures: PublishedFigures;
  readonly workbook: Buffer;
  readonly publicWorkbook: Buffer;
}

/** What the publication builder stores; the number and the time are the database's. */
export type NewPublication = Omit<PublicationRecord, 'id' | 'publishedAt'>;

/** The public figures of one period as published, with the publication they come from. */
export interface PublishedSummary {
  readonly publicationId: number;
  readonly publishedAt: Date;
  readonly summary: SummaryJson;
}

interface HeaderRow {
  id: number;
  month: string;
  forced: boolean;
  as_of: string;
  published_at: Date;
  published_by: string;
  latest_quarter: string;
  year_to_date: string;
  filing_quarter: string;
  revised: Revision[];
}

interface RecordRow extends HeaderRow {
  figures: PublishedFigures;
  public_figures: PublishedFigures;
  workbook: Buffer;
  public_workbook: Buffer;
}

const HEADER = 'id, month, forced, as_of, published_at, published_by, latest_quarter, year_to_date, filing_quarter, revised';
/** Publication ids are positive integers of at most nine digits: anything else names none. */
const PUBLICATION_ID = /^\d{1,9}$/;

const toHeader = (r: HeaderRow): PublicationHeader => ({
  id: r.id,
  month: r.month,
  forced: r.forced,
  asOf: r.as_of,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  latestQuarter: r.latest_quarter,
  yearToDate: r.year_to_date,
  filingQuarter: r.filing_quarter,
  revised: r.revised,
});

const toRecord = (r: RecordRow): PublicationRecord => ({
  ...toHeader(r),
  figures: r.figures,
  publicFigures: r.public_figures,
  workbook: r.workbook,
  publicWorkbook: r.public_workbook,
});

/** `publications`: immutable numbered snapshots, written once by the publication builder and read by everyone else. */
export class PublicationsRepository {
  constructor(private readonly db: Transactions) {}

  /** Newest first, those numbered below `beforeId` when given. */
  async page(beforeId: number | null, limit: number): Promise<PublicationHeader[]> {
    const rows = await this.db.pool.query<HeaderRow>(
      `SELECT ${HEADER} FROM publications WHERE ($1::int IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`,
      [beforeId, limit],
    );
    return rows.map(toHeader);
  }

  /** The publication with its figures and workbooks; null when `id` names none. */
  async find(id: string | number): Promise<PublicationRecord | null> {
    if (!PUBLICATION_ID.test(String(id))) return null;
    const [row] = await this.db.pool.query<RecordRow>(
      `SELECT ${HEADER}, figures, public_figures, workbook, public_workbook FROM publications WHERE id = $1`,
      [Number(id)],
    );
    return row ? toRecord(row) : null;
  }

  /** The public figures of the publication before `id` that published the same latest quarter, if any: what the email compares with. */
  async previousOfQuarter(id: number, latestQuarter: string): Promise<{ id: number; publicFigures: PublishedFigures } | null> {
    const [row] = await this.db.pool.query<{ id: number; public_figures: PublishedFigures }>(
      'SELECT id, public_figures FROM publications WHERE id < $1 AND latest_quarter = $2 ORDER BY id DESC LIMIT 1',
      [id, latestQuarter],
    );
    return row ? { id: row.id, publicFigures: row.public_figures } : null;
  }

  /** The month's regular publication, if it has one. */
  async regularOf(month: string, tx: SqlSession = this.db.pool): Promise<number | null> {
    const rows = await tx.query<{ id: number }>('SELECT id FROM publications WHERE month = $1 AND NOT forced ORDER BY id LIMIT 1', [month]);
    return rows[0]?.id ?? null;
  }

  /**
   * The figures of every publication that published either period (a quarter, a year to date) as its
   * latest quarter or its year to date, newest first: what a new publication's revisions are found against.
   */
  async figuresCovering(periods: readonly [string, string], tx: SqlSession): Promise<PublishedFigures[]> {
    const rows = await tx.query<{ figures: PublishedFigures }>(
      `SELECT figures FROM publications
       WHERE $1 IN (latest_quarter, year_to_date) OR $2 IN (latest_quarter, year_to_date) ORDER BY id DESC`,
      [...periods],
    );
    return rows.map((r) => r.figures);
  }

  /** Stores a publication; its number. */
  async insert(p: NewPublication, tx: SqlSession): Promise<number> {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO publications (month, forced, as_of, published_by, latest_quarter, year_to_date, filing_quarter, figures, public_figures,
         revised, workbook, public_workbook)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        p.month,
        p.forced,
        p.asOf,
        p.publishedBy,
        p.latestQuarter,
        p.yearToDate,
        p.filingQuarter,
        JSON.stringify(p.figures),
        JSON.stringify(p.publicFigures),
        JSON.stringify(p.revised),
        p.workbook,
        p.publicWorkbook,
      ],
    );
    return row.id;
  }

  /**
   * The public figures of the latest publication whose quarter or year to date is exactly `quarters`.
   * Picked in the database: reading every publication's figures on each call (anyone may call) would
   * grow with every month published.
   */
  async latestPublicSummary(quarters: readonly string[]): Promise<PublishedSummary | null> {
    const [row] = await this.db.pool.query<{ id: number; published_at: Date; summary: SummaryJson }>(
      `SELECT id, published_at, CASE WHEN (public_figures->'latestQuarter'->'quarters')::jsonb = $1::jsonb
         THEN public_figures->'latestQuarter' ELSE public_figures->'yearToDate' END AS summary
       FROM publications
       WHERE (public_figures->'latestQuarter'->'quarters')::jsonb = $1::jsonb
         OR (public_figures->'yearToDate'->'quarters')::jsonb = $1::jsonb
       ORDER BY id DESC LIMIT 1`,
      [JSON.stringify(quarters)],
    );
    return row ? { publicationId: row.id, publishedAt: row.published_at, summary: row.summary } : null;
  }
}
