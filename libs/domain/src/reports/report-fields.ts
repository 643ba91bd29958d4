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
}

export const REPORT_FIELDS: readonly ReportField[] = [
  {
    key: 'grossOutput',
    section: 'production',
    kind: 'money',
    required: true,
    labelVi: 'Giá trị sản xuất công nghiệp (giá hiện hành, đồng)',
    labelEn: 'Gross industrial output, current prices (VND)',
  },
  {
    key: 'grossOutputConstant2010',
    section: 'production',
    kind: 'money',
    required: false,
    labelVi: 'Giá trị sản xuất công nghiệp (giá so sánh 2010, đồng)',
    labelEn: 'Gross industrial output, 2010 prices (VND)',
  },
  { key: 'revenue', section: 'production', kind: 'money', required: true, labelVi: 'Doanh thu thuần (đồng)', labelEn: 'Net revenue (VND)' },
  {
    key: 'exportValueUsd',
    section: 'production',
    kind: 'usd',
    required: false,
    labelVi: 'Kim ngạch xuất khẩu (USD)',
    labelEn: 'Export turnover (USD)',
  },
  {
    key: 'importValueUsd',
    section: 'production',
    kind: 'usd',
    required: false,
    labelVi: 'Kim ngạch nhập khẩu (USD)',
    labelEn: 'Import turnover (USD)',
  },
  {
    key: 'stateBudgetPaid',
    section: 'production',
    kind: 'money',
    required: false,
    labelVi: 'Nộp ngân sách nhà nước (đồng)',
    labelEn: 'Paid to the state budget (VND)',
  },
  {
    key: 'realizedCapital',
    section: 'investment',
    kind: 'money',
    required: false,
    labelVi: 'Vốn đầu tư thực hiện (đồng)',
    labelEn: 'Realised investment capital (VND)',
  },
  {
    key: 'workers',
    section: 'employment',
    kind: 'count',
    required: true,
    labelVi: 'Số lao động cuối quý (người)',
    labelEn: 'Workers at quarter end',
  },
  {
    key: 'femaleWorkers',
    section: 'employment',
    kind: 'count',
    required: false,
    labelVi: 'Trong đó: lao động nữ',
    labelEn: 'of whom women',
  },
  {
    key: 'foreignWorkers',
    section: 'employment',
    kind: 'count',
    required: false,
    labelVi: 'Trong đó: lao động nước ngoài',
    labelEn: 'of whom foreigners',
  },
  {
    key: 'localWorkers',
    section: 'employment',
    kind: 'count',
    required: false,
    labelVi: 'Trong đó: lao động địa phương',
    labelEn: 'of whom residents of the province',
  },
  {
    key: 'averageWorkers',
    section: 'employment',
    kind: 'count',
    required: false,
    labelVi: 'Lao động bình quân trong quý (người)',
    labelEn: 'Average workers over the quarter',
  },
  {
    key: 'wageFund',
    section: 'wages',
    kind: 'money',
    required: true,
    labelVi: 'Tổng quỹ lương và thu nhập trong quý (đồng)',
    labelEn: 'Wage fund of the quarter (VND)',
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
