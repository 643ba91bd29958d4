import { IssueCode, ReportIssue } from '@app/domain';
import { fieldNameOfPath } from './field-names';
import { formatDay, formatInstant, formatInteger, formatPercent, formatPeriod, Language } from './formats';

/** Who reads an issue: the board checks it, the enterprise fixes it. */
export type IssueAudience = 'board' | 'enterprise';

/** The figures a rule kept (`ReportIssue.details`) and the field it names, formatted for the page's language. */
class Facts {
  private readonly d: Readonly<Record<string, string | number | null>>;

  constructor(
    private readonly issue: ReportIssue,
    private readonly lang: Language,
  ) {
    this.d = issue.details ?? {};
  }

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

  has(key: string): boolean {
    return this.d[key] !== null && this.d[key] !== undefined;
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

  /** The label of the field the issue names (`employment.femaleWorkers`), and its figure. */
  get field(): { label: string; value: string } {
    const path = this.issue.field ?? '';
    return { label: fieldNameOfPath(path, this.lang), value: this.number(path.split('.').pop() ?? '') };
  }
}

interface RuleTexts {
  /** The rule, as the heading of its group. */
  readonly name: string;
  /** What the report says that set the rule off, from the figures the rule kept (older reports kept none). */
  readonly found?: (f: Facts) => string;
  /** What the board should check (a warning); for an error the board reads what the enterprise must fix. */
  readonly check?: string;
  /** What the enterprise should do about it. */
  readonly fix: string;
}

/**
 * The words for every rule, keyed by its code: Vietnamese first, English when the page is. The
 * domain's own message (English, for the API) stays what the API returns.
 */
const TEXTS: Record<Language, Record<IssueCode, RuleTexts>> = {
  vi: {
    BELOW_MINIMUM_WAGE: {
      name: 'Thu nhập bình quân dưới lương tối thiểu vùng',
      found: (f) =>
        `Thu nhập bình quân mỗi lao động là ${f.number('monthlyWagePerWorker')} đồng/tháng, thấp hơn lương tối thiểu ` +
        `vùng ${f.region} (${f.number('minimumWage')} đồng/tháng, áp dụng từ ${f.day('effectiveFrom')}).`,
      check:
        'Kiểm tra quỹ lương (đủ cả tiền thưởng, phụ cấp) và số lao động bình quân đã khai; ' +
        'nếu đúng, ghi chú lý do (ví dụ lao động làm không trọn thời gian).',
      fix:
        'Kiểm tra lại quỹ lương (gồm cả tiền thưởng, phụ cấp) và số lao động bình quân; nếu đúng, báo cáo vẫn được ' +
        'chấp nhận và ban quản lý có thể liên hệ để hỏi lý do.',
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
      fix: 'Kiểm tra lại số liệu và đơn vị tính (tiền ghi bằng đồng, không phải nghìn hay triệu đồng); nếu đúng, không cần làm gì thêm.',
    },
    CONSTANT_ABOVE_CURRENT: {
      name: 'Giá so sánh cao hơn giá hiện hành',
      found: (f) =>
        `Giá trị sản xuất theo giá so sánh 2010 (${f.number('grossOutputConstant2010')} đồng) ` +
        `cao hơn theo giá hiện hành (${f.number('grossOutput')} đồng).`,
      check: 'Kiểm tra xem hai chỉ tiêu có bị nhập đảo cho nhau không, và cách doanh nghiệp quy đổi về giá năm 2010.',
      fix: 'Kiểm tra xem giá trị theo giá hiện hành và theo giá so sánh 2010 có bị nhập đảo không; nếu có, nộp bản sửa.',
    },
    LATE: {
      name: 'Nộp sau hạn',
      found: (f) => `Báo cáo nhận lần đầu lúc ${f.instant('receivedAt')}, sau hạn nộp ${f.instant('dueAt')}.`,
      check: 'Nếu báo cáo nộp bằng giấy, kiểm tra ngày trên dấu công văn đến; nếu muộn thật, nhắc doanh nghiệp về hạn nộp các quý sau.',
      fix: 'Báo cáo vẫn được chấp nhận; các quý sau hãy nộp trước ngày 10 của tháng đầu quý kế tiếp.',
    },
    UNKNOWN_ENTERPRISE: {
      name: 'Mã số thuế chưa có trong danh sách doanh nghiệp',
      found: () => 'Mã số thuế của báo cáo chưa được ban quản lý đăng ký.',
      fix: 'Kiểm tra mã số thuế; nếu đúng, liên hệ ban quản lý để được đăng ký.',
    },
    ENTERPRISE_NOT_OPERATING: {
      name: 'Doanh nghiệp không hoạt động trong kỳ',
      found: (f) =>
        `Doanh nghiệp không hoạt động trong ${f.period('period')} (hoạt động từ ${f.day('operatingFrom')}` +
        `${f.has('operatingUntil') ? ` đến ${f.day('operatingUntil')}` : ''}).`,
      fix: 'Kiểm tra kỳ báo cáo; nếu ngày hoạt động trong danh sách sai, liên hệ ban quản lý để sửa.',
    },
    PERIOD_NOT_ENDED: {
      name: 'Quý chưa kết thúc',
      found: (f) => `${f.period('period')} chưa kết thúc: quý kết thúc lúc ${f.instant('endsAt')}.`,
      fix: 'Nộp báo cáo sau khi hết quý, khi đã có đủ số liệu.',
    },
    PERIOD_LOCKED: {
      name: 'Quý đã khoá sổ',
      found: (f) => `${f.period('period')} đã khoá sổ, doanh nghiệp không thể nộp thêm.`,
      fix: 'Liên hệ ban quản lý nếu cần sửa số liệu của quý này.',
    },
    PART_EXCEEDS_TOTAL: {
      name: 'Số lao động thành phần lớn hơn tổng số',
      found: (f) => `${f.field.label} (${f.field.value}) lớn hơn số lao động cuối quý (${f.number('workers')}).`,
      fix: 'Lao động nữ, nước ngoài, địa phương là một phần của số lao động cuối quý: sửa để mỗi số không vượt quá tổng.',
    },
    WAGES_WITHOUT_WORKERS: {
      name: 'Có quỹ lương nhưng không có lao động',
      found: (f) => `Quỹ lương là ${f.number('wageFund')} đồng nhưng số lao động cuối quý là 0.`,
      fix: 'Nhập số lao động cuối quý, hoặc để quỹ lương bằng 0 nếu doanh nghiệp không có lao động.',
    },
    WORKERS_WITHOUT_WAGES: {
      name: 'Có lao động nhưng không có quỹ lương',
      found: (f) => `Có ${f.number('workers')} lao động cuối quý nhưng quỹ lương là 0.`,
      fix: 'Nhập tổng quỹ lương, thưởng và phụ cấp đã trả trong quý.',
    },
    INVALID_PERIOD: {
      name: 'Kỳ báo cáo không hợp lệ',
      fix: 'Chọn kỳ báo cáo là một quý, ví dụ 2025-Q3.',
    },
    FIGURE_OUT_OF_RANGE: {
      name: 'Số liệu vượt giới hạn',
      found: (f) => `${f.field.label} là ${f.number('value')}, vượt giới hạn ${f.number('maximum')}.`,
      fix: 'Kiểm tra số liệu: có thể đã nhập thừa chữ số hoặc sai đơn vị tính.',
    },
    NOT_JUDGEABLE: {
      name: 'Chưa xét được báo cáo',
      fix: 'Hệ thống chưa xét được báo cáo này; hãy nộp lại, hoặc liên hệ ban quản lý.',
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
      fix:
        'Check the wage fund (bonuses and allowances included) and the average number of workers; if they are right, ' +
        'the report stands and the board may ask you why.',
    },
    OUTLIER_CHANGE: {
      name: 'Unusual change from the previous quarter',
      found: (f) =>
        `${f.ofWorkers ? 'Workers' : 'Gross output'} ${f.fell ? 'fell' : 'rose'} by ${f.change}% against ${f.period('comparedPeriod')} ` +
        `(from ${f.number('previous')} to ${f.number('current')}${f.ofWorkers ? '' : ' đồng'}).`,
      check:
        'Check the unit (đồng, not thousands or millions) and ask the enterprise whether its output or workforce really changed so much.',
      fix: 'Check the figure and its unit (money in đồng, not thousands or millions); if it is right, nothing more is needed.',
    },
    CONSTANT_ABOVE_CURRENT: {
      name: 'Constant prices above current prices',
      found: (f) =>
        `Gross output at 2010 prices (${f.number('grossOutputConstant2010')} đồng) ` +
        `is above gross output at current prices (${f.number('grossOutput')} đồng).`,
      check: 'Check whether the two figures were swapped, and how the enterprise converted to 2010 prices.',
      fix: 'Check whether the current-price and 2010-price figures were swapped; if so, file an amendment.',
    },
    LATE: {
      name: 'Filed after the due date',
      found: (f) => `The report was first received at ${f.instant('receivedAt')}, after it was due at ${f.instant('dueAt')}.`,
      check: 'If it came on paper, check the date of the receipt stamp; if it was late, remind the enterprise of the next due dates.',
      fix: 'The report stands; file the next quarters before the 10th of the month after each quarter ends.',
    },
    UNKNOWN_ENTERPRISE: {
      name: 'Tax code not in the registry',
      found: () => 'The tax code of the report is not registered with the board.',
      fix: 'Check the tax code; if it is right, ask the board to register the enterprise.',
    },
    ENTERPRISE_NOT_OPERATING: {
      name: 'Enterprise not operating in the period',
      found: (f) =>
        `The enterprise did not operate in ${f.period('period')} (operating from ${f.day('operatingFrom')}` +
        `${f.has('operatingUntil') ? ` until ${f.day('operatingUntil')}` : ''}).`,
      fix: 'Check the period; if the dates in the registry are wrong, ask the board to correct them.',
    },
    PERIOD_NOT_ENDED: {
      name: 'Quarter not ended',
      found: (f) => `${f.period('period')} has not ended: it ends at ${f.instant('endsAt')}.`,
      fix: 'File the report once the quarter has ended and its figures are complete.',
    },
    PERIOD_LOCKED: {
      name: 'Quarter locked',
      found: (f) => `${f.period('period')} is locked: enterprises can no longer file into it.`,
      fix: 'Contact the board if figures of this quarter need correcting.',
    },
    PART_EXCEEDS_TOTAL: {
      name: 'Part above its total',
      found: (f) => `${f.field.label} (${f.field.value}) is more than the workers at quarter end (${f.number('workers')}).`,
      fix: 'Women, foreigners and residents of the province are parts of the workers at quarter end: none may exceed the total.',
    },
    WAGES_WITHOUT_WORKERS: {
      name: 'Wages without workers',
      found: (f) => `The wage fund is ${f.number('wageFund')} đồng but there are no workers at quarter end.`,
      fix: 'Enter the workers at quarter end, or a wage fund of 0 if the enterprise has no workers.',
    },
    WORKERS_WITHOUT_WAGES: {
      name: 'Workers without wages',
      found: (f) => `There are ${f.number('workers')} workers at quarter end but the wage fund is 0.`,
      fix: 'Enter all wages, bonuses and allowances paid in the quarter.',
    },
    INVALID_PERIOD: {
      name: 'Invalid period',
      fix: 'Choose a quarter as the period, such as 2025-Q3.',
    },
    FIGURE_OUT_OF_RANGE: {
      name: 'Figure out of range',
      found: (f) => `${f.field.label} is ${f.number('value')}, above the limit of ${f.number('maximum')}.`,
      fix: 'Check the figure: a digit too many, or the wrong unit.',
    },
    NOT_JUDGEABLE: {
      name: 'Report not judged',
      fix: 'The report could not be judged; file it again, or contact the board.',
    },
  },
};

/** The rule's name in the page's language. */
export function ruleName(code: IssueCode, lang: Language): string {
  return TEXTS[lang][code]?.name ?? code;
}

/**
 * An issue in the page's language: what was found, then what the board should check or the
 * enterprise should do (only that when the report kept no figures).
 */
export function issueText(issue: ReportIssue, lang: Language, audience: IssueAudience): string {
  const texts = TEXTS[lang][issue.code];
  if (!texts) return issue.message;
  const advice = audience === 'board' ? (texts.check ?? texts.fix) : texts.fix;
  return issue.details && texts.found ? `${texts.found(new Facts(issue, lang))} ${advice}` : advice;
}
