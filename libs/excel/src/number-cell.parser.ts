import type { FieldKind } from '@app/domain';
import type { PlainCell } from './cell-value';

// Spaces people and programs put between digit groups: space, no-break space, narrow no-break and thin space.
const GROUP_SPACES = /[\s\u00a0\u202f\u2009]/g;
const PLAIN = /^\d+$/;
// Whole numbers only, so one separator between groups of three digits is always a thousands separator:
// "1.234.567" as typed in Vietnamese locales, "1,234,567" in English ones. A decimal part of zeros
// ("1.234.567,00", "1,234,567.00") is what accounting formats add and changes nothing.
const GROUPED_DOTS = /^(\d{1,3}(?:\.\d{3})+)(?:,0+)?$/;
const GROUPED_COMMAS = /^(\d{1,3}(?:,\d{3})+)(?:\.0+)?$/;
const ZERO_DECIMALS = /^(\d+)[.,]0+$/;

/**
 * The whole number a text means, as digits with an optional leading minus ("-5" stays negative so that
 * the report is refused as negative, not as malformed), or null when the text is not a whole number
 * written in a way people write them.
 */
export function parseWholeNumber(text: string): string | null {
  const compact = text.replace(GROUP_SPACES, '').replace(/^[\u2212-]/, '-');
  const negative = compact.startsWith('-');
  const unsigned = negative ? compact.slice(1) : compact;
  const digits = PLAIN.test(unsigned)
    ? unsigned
    : (GROUPED_DOTS.exec(unsigned)?.[1] ?? GROUPED_COMMAS.exec(unsigned)?.[1] ?? ZERO_DECIMALS.exec(unsigned)?.[1])?.replace(/[.,]/g, '');
  if (digits === undefined) return null;
  const value = BigInt(digits).toString();
  return negative && value !== '0' ? `-${value}` : value;
}

/**
 * A figure cell as the JSON API would receive it, so the report's own validation judges it: money and
 * USD as a string of digits (exact beyond 2^53), counts as a number. A cell that is no whole number is
 * passed on unchanged and refused there with the same code as in JSON (NOT_AN_INTEGER, NEGATIVE, ...).
 */
export function figureCellValue(kind: FieldKind, cell: PlainCell): unknown {
  const digits =
    typeof cell === 'string' ? parseWholeNumber(cell) : typeof cell === 'number' && Number.isSafeInteger(cell) ? String(cell) : null;
  if (digits === null) return cell;
  return kind === 'count' ? Number(digits) : digits;
}
