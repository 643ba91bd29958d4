import { periodPhrase } from '@app/domain';
import { Label } from './labels';

/**
 * The period as a title says it mid-sentence: `quý III/2025`, `9 tháng năm 2025`, `năm 2024`; `Q3 2025`,
 * `first nine months of 2025`, `2024`. A period that is not one of quarters stays as it is.
 */
export function periodLabel(period: string, quarters: readonly string[]): Label {
  const range = quarters.length === 0 ? period : `${quarters[0]}..${quarters[quarters.length - 1]}`;
  return { vi: periodPhrase(range, 'vi'), en: periodPhrase(range, 'en') };
}
