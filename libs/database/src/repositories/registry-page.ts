import { SqlSession } from '../sql/sql-session';

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

/** Where a list reads: the table, its text key and the column naming its zone (constants, never input). */
export interface RegistryTable {
  readonly table: 'zones' | 'enterprises' | 'projects';
  readonly key: 'code' | 'tax_code';
  readonly zoneColumn: 'code' | 'zone_code';
}

/** The rows of a page of a registry list, cut to a zone and to the caller's zones. */
export function registryPage<R>(tx: SqlSession, t: RegistryTable, q: RegistryPageQuery): Promise<R[]> {
  return tx.query<R>(
    `SELECT * FROM ${t.table}
     WHERE ($1::text IS NULL OR ${t.zoneColumn} = $1) AND ($2::text[] IS NULL OR ${t.zoneColumn} = ANY($2)) AND ($3::text IS NULL OR ${t.key} > $3)
     ORDER BY ${t.key} LIMIT $4`,
    [q.zone ?? null, q.among, q.after ?? null, q.limit],
  );
}
