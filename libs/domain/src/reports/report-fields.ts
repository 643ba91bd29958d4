/** The fields of the quarterly report: where they sit in the JSON, what they hold, their labels. */
export type FieldKind = 'money' | 'usd' | 'count';

export interface ReportField {
  /** Key in ReportFigures and, snake-cased, the database column. */
  readonly key:
    | 'grossOutput'
    | 'grossOutputConstant2010'
    | 'revenue'
    | 'exportValueUsd'
    | 'importValueUsd'
    | 'stateBudgetPaid'
    | 'realizedCapital'
    | 'workers'
    | 'femaleWorkers'
    | 'foreignWorkers'
    | 'localWorkers'
    | 'averageWorkers'
    | 'wageFund';
  readonly section: 'production' | 'investment' | 'employment' | 'wages';
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly labelVi: string;
  readonly labelEn: string;
  /** The field's short name, as a form labels it (each one unique, and none a part of another). */
  readonly nameVi: string;
  readonly nameEn: string;
  /** What to put in the field, for the form and the template's input help. */
  readonly helpVi: string;
  readonly helpEn: string;
}

export const REPORT_FIELDS: readonly ReportField[] = [
  {
    key: 'grossOutput',
    section: 'production',
    kind: 'money',
    required: true,
    labelVi: 'Giá trị sản xuất công nghiệp (giá hiện hành, đồng)',
    labelEn: 'Gross industrial output, current prices (VND)',
    nameVi: 'Giá trị sản xuất',
    nameEn: 'Gross output',
    helpVi: 'Giá trị sản phẩm, dịch vụ công nghiệp làm ra trong quý, theo giá bán thực tế; ghi bằng đồng, không phải nghìn hay triệu đồng.',
    helpEn: 'Value of the industrial goods and services produced in the quarter at actual prices, in đồng (not thousands or millions).',
  },
  {
    key: 'grossOutputConstant2010',
    section: 'production',
    kind: 'money',
    required: false,
    labelVi: 'Giá trị sản xuất công nghiệp (giá so sánh 2010, đồng)',
    labelEn: 'Gross industrial output, 2010 prices (VND)',
    nameVi: 'Giá trị theo giá so sánh 2010',
    nameEn: 'Output at 2010 prices',
    helpVi: 'Cùng giá trị sản xuất, quy về giá năm 2010; thường thấp hơn giá hiện hành. Bỏ trống nếu không tính.',
    helpEn: 'The same output at 2010 prices; usually below the current-price figure. Leave empty if not computed.',
  },
  {
    key: 'revenue',
    section: 'production',
    kind: 'money',
    required: true,
    labelVi: 'Doanh thu thuần (đồng)',
    labelEn: 'Net revenue (VND)',
    nameVi: 'Doanh thu',
    nameEn: 'Revenue',
    helpVi: 'Doanh thu bán hàng và cung cấp dịch vụ trừ các khoản giảm trừ, trong quý.',
    helpEn: 'Sales of goods and services less deductions, in the quarter.',
  },
  {
    key: 'exportValueUsd',
    section: 'production',
    kind: 'usd',
    required: false,
    labelVi: 'Kim ngạch xuất khẩu (USD)',
    labelEn: 'Export turnover (USD)',
    nameVi: 'Kim ngạch xuất khẩu',
    nameEn: 'Exports',
    helpVi: 'Giá trị hàng xuất khẩu trong quý, bằng đô la Mỹ. Bỏ trống nếu không xuất khẩu.',
    helpEn: 'Value of goods exported in the quarter, in US dollars. Leave empty if none.',
  },
  {
    key: 'importValueUsd',
    section: 'production',
    kind: 'usd',
    required: false,
    labelVi: 'Kim ngạch nhập khẩu (USD)',
    labelEn: 'Import turnover (USD)',
    nameVi: 'Kim ngạch nhập khẩu',
    nameEn: 'Imports',
    helpVi: 'Giá trị hàng nhập khẩu trong quý, bằng đô la Mỹ. Bỏ trống nếu không nhập khẩu.',
    helpEn: 'Value of goods imported in the quarter, in US dollars. Leave empty if none.',
  },
  {
    key: 'stateBudgetPaid',
    section: 'production',
    kind: 'money',
    required: false,
    labelVi: 'Nộp ngân sách nhà nước (đồng)',
    labelEn: 'Paid to the state budget (VND)',
    nameVi: 'Nộp ngân sách',
    nameEn: 'Budget paid',
    helpVi: 'Thuế, phí và các khoản đã nộp ngân sách nhà nước trong quý.',
    helpEn: 'Taxes, fees and other payments made to the state budget in the quarter.',
  },
  {
    key: 'realizedCapital',
    section: 'investment',
    kind: 'money',
    required: false,
    labelVi: 'Vốn đầu tư thực hiện (đồng)',
    labelEn: 'Realised investment capital (VND)',
    nameVi: 'Vốn đầu tư thực hiện',
    nameEn: 'Realised capital',
    helpVi: 'Vốn đã thực sự giải ngân cho dự án trong quý (xây dựng, máy móc, thiết bị).',
    helpEn: 'Capital actually spent on the project in the quarter (construction, machinery, equipment).',
  },
  {
    key: 'workers',
    section: 'employment',
    kind: 'count',
    required: true,
    labelVi: 'Số lao động cuối quý (người)',
    labelEn: 'Workers at quarter end',
    nameVi: 'Số lao động',
    nameEn: 'Workers',
    helpVi: 'Số người đang làm việc tại doanh nghiệp vào ngày cuối quý.',
    helpEn: 'People working for the enterprise on the last day of the quarter.',
  },
  {
    key: 'femaleWorkers',
    section: 'employment',
    kind: 'count',
    required: false,
    labelVi: 'Trong đó: lao động nữ',
    labelEn: 'of whom women',
    nameVi: 'Lao động nữ',
    nameEn: 'Women',
    helpVi: 'Số lao động nữ trong tổng số lao động cuối quý; không vượt quá tổng số.',
    helpEn: 'Women among the workers at quarter end; at most the total.',
  },
  {
    key: 'foreignWorkers',
    section: 'employment',
    kind: 'count',
    required: false,
    labelVi: 'Trong đó: lao động nước ngoài',
    labelEn: 'of whom foreigners',
    nameVi: 'Lao động nước ngoài',
    nameEn: 'Foreigners',
    helpVi: 'Số lao động là người nước ngoài trong tổng số lao động cuối quý; không vượt quá tổng số.',
    helpEn: 'Foreign nationals among the workers at quarter end; at most the total.',
  },
  {
    key: 'localWorkers',
    section: 'employment',
    kind: 'count',
    required: false,
    labelVi: 'Trong đó: lao động địa phương',
    labelEn: 'of whom residents of the province',
    nameVi: 'Lao động địa phương',
    nameEn: 'Residents of the province',
    helpVi: 'Số lao động có hộ khẩu trong tỉnh trong tổng số lao động cuối quý; không vượt quá tổng số.',
    helpEn: 'Residents of the province among the workers at quarter end; at most the total.',
  },
  {
    key: 'averageWorkers',
    section: 'employment',
    kind: 'count',
    required: false,
    labelVi: 'Lao động bình quân trong quý (người)',
    labelEn: 'Average workers over the quarter',
    nameVi: 'Lao động bình quân',
    nameEn: 'Average headcount',
    helpVi: 'Bình quân số lao động của ba tháng trong quý; bỏ trống thì lấy số lao động cuối quý.',
    helpEn: 'The average headcount over the three months of the quarter; if empty, the quarter-end headcount is used.',
  },
  {
    key: 'wageFund',
    section: 'wages',
    kind: 'money',
    required: true,
    labelVi: 'Tổng quỹ lương và thu nhập trong quý (đồng)',
    labelEn: 'Wage fund of the quarter (VND)',
    nameVi: 'Quỹ lương',
    nameEn: 'Wage fund',
    helpVi: 'Tổng tiền lương, thưởng và phụ cấp đã trả cho người lao động trong cả quý.',
    helpEn: 'All wages, bonuses and allowances paid to workers over the whole quarter.',
  },
];

/** 'production.grossOutput' */
export function fieldPath(f: ReportField): string {
  return `${f.section}.${f.key}`;
}

const COLUMNS = new Map<string, string>();

/** 'gross_output_constant_2010'; worked out once per key, since every field of every row read asks. */
export function fieldColumn(f: ReportField): string {
  let column = COLUMNS.get(f.key);
  if (column === undefined)
    COLUMNS.set(
      f.key,
      (column = f.key
        .replace(/([A-Z])/g, '_$1')
        .replace(/(\d+)/g, '_$1')
        .toLowerCase()),
    );
  return column;
}
