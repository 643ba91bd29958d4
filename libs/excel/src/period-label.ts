import { Label } from './labels';

/** 'năm 2024' / 'year 2024', 'quý 2025-Q3' / 'quarter 2025-Q3', 'từ 2025-Q1 đến 2025-Q3' / '2025-Q1 to 2025-Q3'. */
export function periodLabel(period: string, quarters: readonly string[]): Label {
  if (/^\d{4}$/.test(period)) return { vi: `năm ${period}`, en: `year ${period}` };
  const first = quarters[0];
  const last = quarters[quarters.length - 1];
  if (first === last) return { vi: `quý ${first}`, en: `quarter ${first}` };
  return { vi: `từ ${first} đến ${last}`, en: `${first} to ${last}` };
}
