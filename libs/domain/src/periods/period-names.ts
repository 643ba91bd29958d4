import { compareQuarters, parseQuarter, Quarter } from './quarter';

export type PeriodLanguage = 'vi' | 'en';

const ROMAN = ['I', 'II', 'III', 'IV'];
const EN_YEAR_PARTS: Record<number, string> = { 2: 'first half of', 3: 'first nine months of' };

function quarterName(q: Quarter, lang: PeriodLanguage): string {
  return lang === 'vi' ? `Quý ${ROMAN[q.quarter - 1]}/${q.year}` : `Q${q.quarter} ${q.year}`;
}

/**
 * Quarters as people write them, in the provincial reports' style: `Quý III/2025`, `6 tháng đầu năm
 * 2025`, `9 tháng năm 2025`, `Năm 2024`; in English `Q3 2025`, `first half of 2025`, `first nine months
 * of 2025`, `2024`. Other runs of quarters name their ends. The API keeps `YYYY-Qn`.
 */
export function periodName(first: Quarter, last: Quarter, lang: PeriodLanguage): string {
  if (compareQuarters(first, last) === 0) return quarterName(first, lang);
  if (first.year === last.year && first.quarter === 1) {
    if (last.quarter === 4) return lang === 'vi' ? `Năm ${first.year}` : `${first.year}`;
    if (lang === 'vi') return last.quarter === 2 ? `6 tháng đầu năm ${first.year}` : `9 tháng năm ${first.year}`;
    return `${EN_YEAR_PARTS[last.quarter]} ${first.year}`;
  }
  if (first.year === last.year) {
    const span = `${ROMAN[first.quarter - 1]}–${ROMAN[last.quarter - 1]}`;
    return lang === 'vi' ? `Quý ${span}/${first.year}` : `Q${first.quarter}–Q${last.quarter} ${first.year}`;
  }
  return `${quarterName(first, lang)} – ${quarterName(last, lang)}`;
}

/** `2025-Q3`, `2025` or `2025-Q1..2025-Q3` named as above; any other text is returned as it is. */
export function periodNameOf(period: string, lang: PeriodLanguage): string {
  if (/^\d{4}$/.test(period)) {
    const year = Number(period);
    return periodName({ year, quarter: 1 }, { year, quarter: 4 }, lang);
  }
  const [from, to = from] = period.split('..');
  const [first, last] = [parseQuarter(from), parseQuarter(to)];
  return first && last && compareQuarters(first, last) <= 0 ? periodName(first, last, lang) : period;
}

/** The name as a sentence writes it mid-way: Vietnamese lower-cases its first word (`quý III/2025`, `năm 2024`). */
export function periodPhrase(period: string, lang: PeriodLanguage): string {
  const name = periodNameOf(period, lang);
  return lang === 'vi' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}
