import { canAccessZone, Principal, seesAllZones } from '@app/access';
import type { RegistryPageQuery } from '@app/database';
import { decodeCursor, Page, PageQuery, pageLimit, toPage } from '../common/pagination';

/** One page of registry rows ordered by their key, filtered by `?zone=` and cut to the caller's zones. */
export async function zoneScopedPage<T>(
  read: (q: RegistryPageQuery) => Promise<T[]>,
  key: (row: T) => string,
  q: PageQuery & { zone?: string },
  p: Principal,
): Promise<Page<T>> {
  const limit = pageLimit(q);
  const after = decodeCursor(q.cursor, ['text']);
  if (q.zone && !canAccessZone(p, q.zone)) return { items: [], nextCursor: null };
  const among = seesAllZones(p) ? null : (p.zoneCodes ?? []);
  const rows = await read({ zone: q.zone, among, after: after ? String(after[0]) : undefined, limit: limit + 1 });
  return toPage(
    rows,
    limit,
    (row) => row,
    (row) => [key(row)],
  );
}

/** A page with each item in the API's JSON. */
export function pageView<T, V>(page: Page<T>, view: (row: T) => V): Page<V> {
  return { items: page.items.map(view), nextCursor: page.nextCursor };
}
