import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** One page of a registry list, ordered by its key. */
export interface RegistryPageQuery {
  /** Only this zone (`?zone=`). */
  readonly zone?: string;
  /** The caller's zones; null means every zone. */
  readonly among: readonly string[] | null;
  /** The key of the last row of the previous page. */
  readonly after?: string;
  /** Rows to read: a page and one more, to tell whether another page follows. */
  readonly limit: number;
}

/** A registry table: rows keyed by a text code, with a zone, and `created_at`/`updated_at` kept by the database. */
export interface RegistryTableSpec<F, R> {
  readonly table: 'zones' | 'enterprises' | 'projects';
  readonly key: 'code' | 'tax_code';
  readonly zoneColumn: 'code' | 'zone_code';
  /** The other columns the board writes, each with the type its new value is compared as. */
  readonly columns: ReadonlyArray<readonly [column: string, type: 'text' | 'date' | 'smallint' | 'integer' | 'numeric' | 'bigint']>;
  /** The key, then one value per column, in their order. */
  values(fields: F): unknown[];
  toRecord(row: never): R;
  /** Columns read with every row besides the table's own (`expression AS name`), e.g. from a dependent table. */
  readonly derived?: string;
}

/**
 * What the registry's tables have in common: inserting a row unless its key is taken, reading it
 * (locked for an update or not), writing its fields, and paging it within zones. The SQL is built
 * once from the table's constant names.
 */
export abstract class RegistryRepository<F, R> {
  private readonly insertSql: string;
  private readonly updateSql: string;
  private readonly pageSql: string;
  private readonly selectList: string;

  protected constructor(
    protected readonly db: Transactions,
    private readonly spec: RegistryTableSpec<F, R>,
  ) {
    const { table, key, zoneColumn, columns } = spec;
    const names = columns.map(([column]) => column);
    const params = columns.map((_, i) => `$${i + 2}`);
    this.insertSql = `INSERT INTO ${table} (${key}, ${names.join(', ')}) VALUES ($1, ${params.join(', ')})
      ON CONFLICT (${key}) DO NOTHING RETURNING *`;
    // updated_at moves only when a value changes.
    this.updateSql = `UPDATE ${table} SET ${names.map((c, i) => `${c} = ${params[i]}`).join(', ')},
        updated_at = CASE WHEN (${names.join(', ')}) IS DISTINCT FROM (${columns.map(([, type], i) => `${params[i]}::${type}`).join(', ')})
          THEN now() ELSE updated_at END
      WHERE ${key} = $1 RETURNING *`;
    this.selectList = spec.derived ? `*, ${spec.derived}` : '*';
    this.pageSql = `SELECT ${this.selectList} FROM ${table}
      WHERE ($1::text IS NULL OR ${zoneColumn} = $1) AND ($2::text[] IS NULL OR ${zoneColumn} = ANY($2))
        AND ($3::text IS NULL OR ${key} > $3)
      ORDER BY ${key} LIMIT $4`;
  }

  /** The new row, or null when its key is taken (by a request that got there first, too). */
  async insert(fields: F, tx: SqlSession = this.db.pool): Promise<R | null> {
    const [row] = await tx.query<never>(this.insertSql, this.spec.values(fields));
    return row ? this.spec.toRecord(row) : null;
  }

  async find(key: string, tx: SqlSession = this.db.pool): Promise<R | null> {
    return this.select(key, '', tx);
  }

  /** The row, locked until the caller's transaction ends (an update reads, checks, then writes). */
  async findForUpdate(key: string, tx: SqlSession): Promise<R | null> {
    return this.select(key, 'FOR UPDATE', tx);
  }

  /** Writes every field; `updatedAt` moves only when one of them changes. */
  async update(fields: F, tx: SqlSession = this.db.pool): Promise<R> {
    const [row] = await tx.query<never>(this.updateSql, this.spec.values(fields));
    return this.spec.toRecord(row);
  }

  /** A page by key, cut to a zone (`zone`) and to the caller's zones (`among`). */
  async page(q: RegistryPageQuery, tx: SqlSession = this.db.pool): Promise<R[]> {
    const rows = await tx.query<never>(this.pageSql, [q.zone ?? null, q.among, q.after ?? null, q.limit]);
    return rows.map((row) => this.spec.toRecord(row));
  }

  private async select(key: string, lock: '' | 'FOR UPDATE', tx: SqlSession): Promise<R | null> {
    const [row] = await tx.query<never>(`SELECT ${this.selectList} FROM ${this.spec.table} WHERE ${this.spec.key} = $1 ${lock}`, [key]);
    return row ? this.spec.toRecord(row) : null;
  }
}
