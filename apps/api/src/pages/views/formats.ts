import { periodNameOf, toLocalIso } from '@app/domain';

export type Language = 'vi' | 'en';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-US' };
/** What a figure nobody reported shows (never 0). */
export const NOT_REPORTED = '–';
const BILLION = 1_000_000_000n;
const MILLION = 1_000_000n;

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Language, fractionDigits: number): Intl.NumberFormat {
  const key = `${lang}${fractionDigits}`;
  let f = formatters.get(key);
  if (!f)
    formatters.set(
      key,
      (f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits })),
    );
  return f;
}

/** `value / unit` to one decimal, half away from zero, exact for any bigint (the division is done in integers). */
function inTenths(value: bigint, unit: bigint): number {
  const tenthUnit = unit / 10n;
  const sign = value < 0n ? -1n : 1n;
  const abs = value * sign;
  return Number(sign * ((abs + tenthUnit / 2n) / tenthUnit)) / 10;
}

/** Whole numbers and exact đồng: `1.234.567` (vi), `1,234,567` (en). */
export function formatInteger(value: bigint | number | null, lang: Language): string {
  return value === null ? NOT_REPORTED : numberFormat(lang, 0).format(value);
}

/** Money in tables: billions of đồng with one decimal (`166,0` vi, `166.0` en). */
export function formatBillions(dong: bigint | null, lang: Language): string {
  return dong === null ? NOT_REPORTED : numberFormat(lang, 1).format(inTenths(dong, BILLION));
}

/** Wages: millions of đồng with one decimal. */
export function formatMillions(dong: bigint | null, lang: Language): string {
  return dong === null ? NOT_REPORTED : numberFormat(lang, 1).format(inTenths(dong, MILLION));
}

/** Percentages with two decimals, without the sign (the column header says %). */
export function formatPercent(value: number | null, lang: Language): string {
  return value === null ? NOT_REPORTED : numberFormat(lang, 2).format(value);
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An instant in Vietnam time: `30/11/2026 14:05` (vi), `30 Nov 2026, 14:05` (en). */
export function formatInstant(instant: Date, lang: Language): string {
  const [, y, m, d, hh, mm] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(toLocalIso(instant))!;
  return lang === 'vi' ? `${d}/${m}/${y} ${hh}:${mm}` : `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}, ${hh}:${mm}`;
}

/** A day (`YYYY-MM-DD`): `09/10/2025` (vi), `9 Oct 2025` (en). */
export function formatDay(day: string, lang: Language): string {
  const [y, m, d] = day.split('-');
  return lang === 'vi' ? `${d}/${m}/${y}` : `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}`;
}

/** `2025-Q3` as people write it: `Quý III/2025`, `Q3 2025`; a year: `Năm 2024`, `2024`. */
export function formatPeriod(period: string, lang: Language): string {
  return periodNameOf(period, lang);
}
