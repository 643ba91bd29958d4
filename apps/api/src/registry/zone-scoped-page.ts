import { ObjectLiteral, Repository } from 'typeorm';
import { canAccessZone, Principal, seesAllZones } from '@app/access';
import { decodeCursor, Page, pageLimit, toPage } from '../common/pagination';
import { ZoneFilterQuery } from './dto/registry-query.dto';

/** One page of registry rows ordered by their key, filtered by `?zone=` and cut to the caller's zones. */
export async function zoneScopedPage<T extends ObjectLiteral & { zoneCode: string }, V>(
  repo: Repository<T>, keyColumn: string, key: (row: T) => string, view: (row: T) => V, q: ZoneFilterQuery, p: Principal,
): Promise<Page<V>> {
  const limit = pageLimit(q);
  const after = decodeCursor(q.cursor, ['text']);
  if (q.zone && !canAccessZone(p, q.zone)) return { items: [], nextCursor: null };
  const qb = repo.createQueryBuilder('x').orderBy(`x.${keyColumn}`, 'ASC').take(limit + 1);
  if (q.zone) qb.andWhere('x.zone_code = :zone', { zone: q.zone });
  if (!seesAllZones(p)) qb.andWhere('x.zone_code = ANY(:zones)', { zones: p.zoneCodes ?? [] });
  if (after) qb.andWhere(`x.${keyColumn} > :after`, { after: String(after[0]) });
  return toPage(await qb.getMany(), limit, view, (row) => [key(row)]);
}
