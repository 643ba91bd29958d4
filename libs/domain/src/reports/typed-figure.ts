/**
 * A figure as a person types it into a form: digits, optionally grouped in threes by dots, commas or
 * spaces (`1.234.567`, `1,234,567`, `1 234 567`), since Vietnamese writes thousands with dots and
 * English with commas. Whole numbers only: money is whole đồng and counts are people.
 */
export type TypedFigure =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly digits: string }
  /** Not a whole number as typed: left to the report's validation, which names the rule. */
  | { readonly kind: 'text'; readonly text: string };

const PLAIN = /^\d+$/;
// One separator throughout, groups of exactly three after the first, so `1.5` or `1,23` are not misread.
const GROUPED = /^\d{1,3}(?:([., \u00a0\u202f])\d{3})(?:\1\d{3})*$/;

export function readTypedFigure(typed: string): TypedFigure {
  const text = typed.trim();
  if (text === '') return { kind: 'empty' };
  if (PLAIN.test(text)) return { kind: 'number', digits: text.replace(/^0+(?=\d)/, '') };
  if (GROUPED.test(text)) return { kind: 'number', digits: text.replace(/\D/g, '').replace(/^0+(?=\d)/, '') };
  return { kind: 'text', text };
}
