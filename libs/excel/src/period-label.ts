import { parseQuarter, periodName } from '@app/domain';
import { Label } from './labels';

/**
 * The period as a title says it mid-sentence: `quý III/2025`, `9 tháng năm 2025`, `năm 2024`; `Q3 2025`,
 * `first nine months of 2025`, `2024` (the domain's names, lower-cased at the start in Vietnamese).
 */
export function periodLabel(period: string, quarters: readonly string[]): Label {
  const first = parseQuarter(quarters[0] ?? '');
  const last = parseQuarter(quarters[quarters.length - 1] ?? '');
  if (!first || !last) return { vi: period, en: period };
  const vi = periodName(first, last, 'vi');
  return { vi: vi.charAt(0).toLowerCase() + vi.slice(1), en: periodName(first, last, 'en') };
}
