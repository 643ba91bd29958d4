import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { isIsoDate } from '@app/domain';
import { Count, IsText } from './field-rules';
import { Problem } from './problem';
import { isStorableText } from './request-input-rules';
import { isUuid } from './uuid';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @Count()
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsText()
  cursor?: string;
}

export function pageLimit(q: PageQuery): number {
  return Math.min(Math.max(q.limit ?? 100, 1), 500);
}

/** Cursors are opaque: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each part of a list's sort key is: a text column, a positive int4 id, a timestamptz as
 * PostgreSQL writes it, a uuid. A cursor is checked part by part against its list's key before it
 * reaches SQL, so a forged one (valid base64 JSON of the wrong types) is a 400, not a failed cast.
 */
export type CursorPart = 'text' | 'id' | 'instant' | 'uuid';

const TIMESTAMPTZ_TEXT = /^([12]\d{3}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const PART_CHECKS: Record<CursorPart, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length <= 500 && isStorableText(v),
  id: (v) => Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 2_147_483_647,
  instant: (v) => typeof v === 'string' && isIsoDate(TIMESTAMPTZ_TEXT.exec(v)?.[1] ?? ''),
  uuid: (v) => typeof v === 'string' && isUuid(v),
};

/** The sort key in a cursor, each part of the type its list's key has; null without a cursor. */
export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]): unknown[] | null {
  if (!cursor) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (Array.isArray(key) && key.length === parts.length && parts.every((part, i) => PART_CHECKS[part](key[i]))) return key as unknown[];
  throw Problem.field(400, 'cursor', 'INVALID_CURSOR', 'cursor is not one this API returned');
}

/** Builds a page from limit+1 fetched rows. */
export function toPage<R, T>(rows: R[], limit: number, map: (r: R) => T, key: (r: R) => unknown[]): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items: items.map(map), nextCursor: more ? encodeCursor(key(items[items.length - 1])) : null };
}
