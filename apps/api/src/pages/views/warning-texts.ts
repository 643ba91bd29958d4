import type { IssueCode, ReportIssue } from '@app/domain';
import { formatDay, formatInstant, formatInteger, formatPercent, formatPeriod, Language } from './formats';

/** The rules whose findings accept a report and wait for the board's review. */
type WarningCode = 'BELOW_MINIMUM_WAGE' | 'OUTLIER_CHANGE' | 'CONSTANT_ABOVE_CURRENT' | 'LATE';

type Details = Readonly<Record<string, string | number | null>>;

/** The figures a rule kept (`ReportIssue.details`), formatted for the page's language. */
class Facts {
  constructor(
    private readonly d: Details,
    private readonly lang: Language,
  ) {}

  /** Exact đồng or a count, with the locale's separators. */
  number(key: string): string {
    const value = this.d[key];
    return formatInteger(value === null || value === undefined ? null : BigInt(value), this.lang);
  }

  /** The regional minimum wage's region, as the decree writes it (I to IV). */
  get region(): string {
    return ['I', 'II', 'III', 'IV'][Number(this.d.wageRegion) - 1] ?? String(this.d.wageRegion);
  }

  day(key: string): string {
    return formatDay(String(this.d[key]), this.lang);
  }

  /** A local ISO instant (`2025-10-10T00:00:00.000+07:00`). */
  instant(key: string): string {
    return formatInstant(new Date(String(this.d[key])), this.lang);
  }

  period(key: string): string {
    return formatPeriod(String(this.d[key]), this.lang);
  }

  /** The size of a change, without its sign (the words say which way). */
  get change(): string {
    return formatPercent(Math.abs(Number(this.d.changePct)), this.lang);
  }

  get fell(): boolean {
    return Number(this.d.changePct) < 0;
  }

  /** An outlier of workers keeps counts as numbers; one of gross output keeps đồng as strings. */
  get ofWorkers(): boolean {
    return typeof this.d.current === 'number';
  }
}

interface RuleTexts {
  /** The rule, as the heading of its group. */
  readonly name: string;
  /** What the report says that set the rule off, from the figures the rule kept (older reports kept none). */
  readonly found: (f: Facts) => string;
  /** What the board should check. */
  readonly check: string;
}

/**
 * The board's words for every warning, keyed by the rule's code: Vietnamese first, English when the
 * page is. The domain's own message (English, for the API) stays what the API returns.
 */
const TEXTS: Record<Language, Record<WarningCode, RuleTexts>> = {
  vi: {
    BELOW_MINIMUM_WAGE: {
      name: 'Thu nhập bình quân dưới lương tối thiểu vùng',
      found: (f) =>
        `Thu nhập bình quân mỗi lao động là ${f.number('monthlyWagePerWorker')} đồng/tháng, thấp hơn lương tối thiểu ` +
        `vùng ${f.region} (${f.number('minimumWage')} đồng/tháng, áp dụng từ ${f.day('effectiveFrom')}).`,
      check:
        'Kiểm tra quỹ lương (đủ cả tiền thưởng, phụ cấp) và số lao động bình quân đã khai; ' +
        'nếu đúng, ghi chú lý do (ví dụ lao động làm không trọn thời gian).',
    },
    OUTLIER_CHANGE: {
      name: 'Thay đổi bất thường so với quý trước',
      found: (f) =>
        `${f.ofWorkers ? 'Số lao động' : 'Giá trị sản xuất'} ${f.fell ? 'giảm' : 'tăng'} ${f.change}% ` +
        `so với ${f.period('comparedPeriod')} ` +
        `(từ ${f.number('previous')} ${f.fell ? 'xuống' : 'lên'} ${f.number('current')} ${f.ofWorkers ? 'người' : 'đồng'}).`,
      check:
        'Kiểm tra đơn vị tính (đồng, không phải nghìn hay triệu đồng) và hỏi lại doanh nghiệp ' +
        'xem sản xuất hoặc lao động có thật sự thay đổi như vậy không.',
    },
    CONSTANT_ABOVE_CURRENT: {
      name: 'Giá so sánh cao hơn giá hiện hành',
      found: (f) =>
        `Giá trị sản xuất theo giá so sánh 2010 (${f.number('grossOutputConstant2010')} đồng) ` +
        `cao hơn theo giá hiện hành (${f.number('grossOutput')} đồng).`,
      check: 'Kiểm tra xem hai chỉ tiêu có bị nhập đảo cho nhau không, và cách doanh nghiệp quy đổi về giá năm 2010.',
    },
    LATE: {
      name: 'Nộp sau hạn',
      found: (f) => `Báo cáo nhận lần đầu lúc ${f.instant('receivedAt')}, sau hạn nộp ${f.instant('dueAt')}.`,
      check: 'Nếu báo cáo nộp bằng giấy, kiểm tra ngày trên dấu công văn đến; nếu muộn thật, nhắc doanh nghiệp về hạn nộp các quý sau.',
    },
  },
  en: {
    BELOW_MINIMUM_WAGE: {
      name: 'Average wage below the regional minimum',
      found: (f) =>
        `The average wage per worker is ${f.number('monthlyWagePerWorker')} đồng a month, below the region ${f.region} ` +
        `minimum wage (${f.number('minimumWage')} đồng a month, in force since ${f.day('effectiveFrom')}).`,
      check:
        'Check the wage fund (bonuses and allowances included) and the average number of workers reported; ' +
        'if they are right, note why (part-time workers, for instance).',
    },
    OUTLIER_CHANGE: {
      name: 'Unusual change from the previous quarter',
      found: (f) =>
        `${f.ofWorkers ? 'Workers' : 'Gross output'} ${f.fell ? 'fell' : 'rose'} by ${f.change}% against ${f.period('comparedPeriod')} ` +
        `(from ${f.number('previous')} to ${f.number('current')}${f.ofWorkers ? '' : ' đồng'}).`,
      check:
        'Check the unit (đồng, not thousands or millions) and ask the enterprise whether its output or workforce really changed so much.',
    },
    CONSTANT_ABOVE_CURRENT: {
      name: 'Constant prices above current prices',
      found: (f) =>
        `Gross output at 2010 prices (${f.number('grossOutputConstant2010')} đồng) ` +
        `is above gross output at current prices (${f.number('grossOutput')} đồng).`,
      check: 'Check whether the two figures were swapped, and how the enterprise converted to 2010 prices.',
    },
    LATE: {
      name: 'Filed after the due date',
      found: (f) => `The report was first received at ${f.instant('receivedAt')}, after it was due at ${f.instant('dueAt')}.`,
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
  return issue.details ? `${texts.found(new Facts(issue.details, lang))} ${texts.check}` : texts.check;
}
