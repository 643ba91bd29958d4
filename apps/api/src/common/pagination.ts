import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { Count, IsText } from './field-rules';
import { Problem } from './problem';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Transform(({ value }) => (value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value)) @Count()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsText()
  cursor?: string;
}

export function pageLimit(q: PageQuery): number {
  return Math.min(Math.max(q.limit ?? 100, 1), 500);
}

/** Cursors are opaque: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** `length`, when given, is the number of parts the key must have (a key of another list is refused). */
export function decodeCursor(cursor: string | undefined, length?: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && (length === undefined || key.length === length)) return key;
  } catch {
    // fall through to the error below
  }
  throw Problem.field(400, 'cursor', 'INVALID_CURSOR', 'cursor is not one this API returned');
}

/** Builds a page from limit+1 fetched rows. */
export function toPage<R, T>(rows: R[], limit: number, map: (r: R) => T, key: (r: R) => unknown[]): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items: items.map(map), nextCursor: more ? encodeCursor(key(items[items.length - 1])) : null };
}
