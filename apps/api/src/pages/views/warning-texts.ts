import type { IssueCode, ReportIssue } from '@app/domain';
import { formatDay, formatInstant, formatInteger, formatPercent, formatPeriod, Language } from './formats';

/** The rules whose findings accept a report and wait for the board's review. */
type WarningCode = 'BELOW_MINIMUM_WAGE' | 'OUTLIER_CHANGE' | 'CONSTANT_ABOVE_CURRENT' | 'LATE';

type Details = Readonly<Record<string, string | number | null>>;

interface RuleTexts {
  /** The rule, as the heading of its group. */
  readonly name: string;
  /** What the report says that set the rule off, from the figures the rule kept; absent on older reports. */
  readonly found: (d: Details, lang: Language) => string;
  /** What the board should check. */
  readonly check: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const dong = (value: string | number | null | undefined, lang: Language) => formatInteger(value === null || value === undefined ? null : BigInt(value), lang);
const at = (localIso: string | number | null, lang: Language) => formatInstant(new Date(String(localIso)), lang);
const pct = (value: string | number | null, lang: Language) => formatPercent(value === null ? null : Math.abs(Number(value)), lang);
const isWorkers = (d: Details) => typeof d.current === 'number';

/**
 * The board's words for every warning, in both languages, keyed by the rule's code: Vietnamese first,
 * English when the page is. The domain's own message (English, for the API) stays what the API returns.
 */
const TEXTS: Record<Language, Record<WarningCode, RuleTexts>> = {
  vi: {
    BELOW_MINIMUM_WAGE: {
      name: 'Thu nhập bình quân dưới lương tối thiểu vùng',
      found: (d, lang) => `Thu nhập bình quân mỗi lao động là ${dong(d.monthlyWagePerWorker, lang)} đồng/tháng, thấp hơn lương tối thiểu vùng ${
        ROMAN[Number(d.wageRegion) - 1] ?? d.wageRegion} (${dong(d.minimumWage, lang)} đồng/tháng, áp dụng từ ${formatDay(String(d.effectiveFrom), lang)}).`,
      check: 'Kiểm tra quỹ lương (đủ cả tiền thưởng, phụ cấp) và số lao động bình quân đã khai; nếu đúng, ghi chú lý do (ví dụ lao động làm không trọn thời gian).',
    },
    OUTLIER_CHANGE: {
      name: 'Thay đổi bất thường so với quý trước',
      found: (d, lang) => `${isWorkers(d) ? 'Số lao động' : 'Giá trị sản xuất'} ${Number(d.changePct) < 0 ? 'giảm' : 'tăng'} ${pct(d.changePct, lang)}% so với ${
        formatPeriod(String(d.comparedPeriod), lang)} (từ ${dong(d.previous, lang)} ${Number(d.changePct) < 0 ? 'xuống' : 'lên'} ${dong(d.current, lang)}${isWorkers(d) ? ' người' : ' đồng'}).`,
      check: 'Kiểm tra đơn vị tính (đồng, không phải nghìn hay triệu đồng) và hỏi lại doanh nghiệp xem có thay đổi thật về sản xuất hoặc lao động không.',
    },
    CONSTANT_ABOVE_CURRENT: {
      name: 'Giá so sánh cao hơn giá hiện hành',
      found: (d, lang) => `Giá trị sản xuất theo giá so sánh 2010 (${dong(d.grossOutputConstant2010, lang)} đồng) cao hơn theo giá hiện hành (${
        dong(d.grossOutput, lang)} đồng).`,
      check: 'Kiểm tra xem hai chỉ tiêu có bị nhập đảo cho nhau không, và cách doanh nghiệp quy đổi về giá năm 2010.',
    },
    LATE: {
      name: 'Nộp sau hạn',
      found: (d, lang) => `Báo cáo nhận lần đầu lúc ${at(d.receivedAt, lang)}, sau hạn nộp ${at(d.dueAt, lang)}.`,
      check: 'Nếu báo cáo nộp bằng giấy, kiểm tra ngày trên dấu công văn đến; nếu muộn thật, nhắc doanh nghiệp về hạn nộp các quý sau.',
    },
  },
  en: {
    BELOW_MINIMUM_WAGE: {
      name: 'Average wage below the regional minimum',
      found: (d, lang) => `The average wage per worker is ${dong(d.monthlyWagePerWorker, lang)} đồng a month, below the region ${
        ROMAN[Number(d.wageRegion) - 1] ?? d.wageRegion} minimum wage (${dong(d.minimumWage, lang)} đồng a month, in force since ${formatDay(String(d.effectiveFrom), lang)}).`,
      check: 'Check the wage fund (bonuses and allowances included) and the average number of workers reported; if they are right, note why (part-time workers, for instance).',
    },
    OUTLIER_CHANGE: {
      name: 'Unusual change from the previous quarter',
      found: (d, lang) => `${isWorkers(d) ? 'Workers' : 'Gross output'} ${Number(d.changePct) < 0 ? 'fell' : 'rose'} by ${pct(d.changePct, lang)}% against ${
        formatPeriod(String(d.comparedPeriod), lang)} (from ${dong(d.previous, lang)} to ${dong(d.current, lang)}${isWorkers(d) ? '' : ' đồng'}).`,
      check: 'Check the unit (đồng, not thousands or millions) and ask the enterprise whether its output or workforce really changed.',
    },
    CONSTANT_ABOVE_CURRENT: {
      name: 'Constant prices above current prices',
      found: (d, lang) => `Gross output at 2010 prices (${dong(d.grossOutputConstant2010, lang)} đồng) is above gross output at current prices (${
        dong(d.grossOutput, lang)} đồng).`,
      check: 'Check whether the two figures were swapped, and how the enterprise converted to 2010 prices.',
    },
    LATE: {
      name: 'Filed after the due date',
      found: (d, lang) => `The report was first received at ${at(d.receivedAt, lang)}, after it was due at ${at(d.dueAt, lang)}.`,
      check: 'If it came on paper, check the date of the receipt stamp; if it was late, remind the enterprise of the next due dates.',
    },
  },
};

function textsOf(code: IssueCode, lang: Language): RuleTexts | undefined {
  return (TEXTS[lang] as Partial<Record<IssueCode, RuleTexts>>)[code];
}

/** The rule's name in the page's language (its code for a rule without words here). */
export function ruleName(code: IssueCode, lang: Language): string {
  return textsOf(code, lang)?.name ?? code;
}

/** A warning in the page's language: what was found, then what to check; the domain's message for other issues. */
export function warningText(issue: ReportIssue, lang: Language): string {
  const texts = textsOf(issue.code, lang);
  if (!texts) return issue.message;
  return issue.details ? `${texts.found(issue.details, lang)} ${texts.check}` : texts.check;
}
