import type { FieldError } from './problem';

/**
 * Characters no text of the system may hold: NUL (PostgreSQL refuses it), the other control characters
 * but tab, line feed and carriage return, U+FFFE and U+FFFF (none of these may appear in the XML of
 * the board's workbooks), and lone UTF-16 surrogates (no UTF-8 encoding: stored, they would silently
 * become U+FFFD).
 */
const UNSTORABLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Levels of objects and arrays: far more than any request of the API has (two), few enough to walk before class-transformer recurses. */
export const MAX_JSON_DEPTH = 32;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

export type InputRefusal = FieldError & { readonly status: 400 | 422 };

const unstorable = (field: string): InputRefusal => ({
  status: 422,
  field,
  code: 'INVALID_CHARACTER',
  message:
    `${field} holds a character text cannot hold here: NUL or another control character (tab and line breaks are fine), ` +
    'U+FFFE, U+FFFF or a lone surrogate',
});

/**
 * The first reason a request value (a body, the query, a path parameter) cannot be taken: a text,
 * or a key, with a character of UNSTORABLE (422 naming the field), or nesting deeper than
 * MAX_JSON_DEPTH (400 naming the top-level field). Walks at most MAX_JSON_DEPTH levels.
 */
export function inputRefusal(value: unknown, field?: string): InputRefusal | null {
  return visit(value, field, field, 1);
}

function visit(value: unknown, path: string | undefined, top: string | undefined, depth: number): InputRefusal | null {
  if (typeof value === 'string') return isStorableText(value) ? null : unstorable(path ?? '(body)');
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_JSON_DEPTH) {
    const field = top ?? '(body)';
    return { status: 400, field, code: 'TOO_DEEP', message: `${field} is nested more than ${MAX_JSON_DEPTH} levels deep` };
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = path === undefined ? key : `${path}.${key}`;
    if (!isStorableText(key)) return unstorable(childPath);
    const refusal = visit(child, childPath, top ?? (Array.isArray(value) ? '(body)' : key), depth + 1);
    if (refusal) return refusal;
  }
  return null;
}
