import { fieldPath, FieldKind, REPORT_FIELDS } from '@app/domain';
import type { PlainCell } from './cell-value';
import type { Label } from './labels';
import { figureCellValue } from './number-cell.parser';
import { instantCellValue, periodCellValue, taxCodeCellValue } from './text-field-cell.parser';

export type ColumnKind = 'taxCode' | 'period' | 'instant' | FieldKind;

/** A column of the report sheet: the JSON field path it fills (row 2), its label (row 1) and how to fill it. */
export interface ReportColumn {
  readonly path: string;
  readonly kind: ColumnKind;
  readonly required: boolean;
  readonly label: Label;
  /** One line on how to fill the cell: the input help in Excel and the guide sheet. */
  readonly help: Label;
  /** Only the board keys in paper forms with their receipt stamp. */
  readonly boardOnly?: boolean;
}

const FIGURE_HELP: Record<FieldKind, Label> = {
  money: {
    vi: 'Số nguyên không âm, đơn vị đồng (không ghi triệu hay tỷ). Để trống nếu không báo cáo: ô trống khác với số 0.',
    en: 'A whole number of đồng, not negative (not millions or billions). Leave blank if not reported: blank is not 0.',
  },
  usd: {
    vi: 'Số nguyên không âm, đơn vị đô la Mỹ (USD). Để trống nếu không báo cáo: ô trống khác với số 0.',
    en: 'A whole number of US dollars, not negative. Leave blank if not reported: blank is not 0.',
  },
  count: {
    vi: 'Số người, số nguyên không âm. Để trống nếu không báo cáo: ô trống khác với số 0.',
    en: 'A number of people, a whole number, not negative. Leave blank if not reported: blank is not 0.',
  },
};

const REQUIRED: Label = { vi: 'Bắt buộc.', en: 'Required.' };

/** The columns in template order: who reports, for which quarter, the figures of the JSON report, the paper stamp. */
export const REPORT_COLUMNS: readonly ReportColumn[] = [
  {
    path: 'taxCode',
    kind: 'taxCode',
    required: true,
    label: { vi: 'Mã số thuế', en: 'Tax code' },
    help: {
      vi: 'Mã số thuế của doanh nghiệp: 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số (chi nhánh).',
      en: "The enterprise's tax code: 10 digits, or 10 digits, a hyphen and 3 digits (a branch).",
    },
  },
  {
    path: 'period',
    kind: 'period',
    required: true,
    label: { vi: 'Kỳ báo cáo (quý)', en: 'Quarter' },
    help: {
      vi: 'Quý báo cáo viết dạng NNNN-Qn, ví dụ 2025-Q3 là quý 3 năm 2025.',
      en: 'The quarter reported, written YYYY-Qn, e.g. 2025-Q3 for the third quarter of 2025.',
    },
  },
  ...REPORT_FIELDS.map((f): ReportColumn => ({
    path: fieldPath(f),
    kind: f.kind,
    required: f.required,
    label: { vi: f.labelVi, en: f.labelEn },
    help: f.required
      ? { vi: `${FIGURE_HELP[f.kind].vi} ${REQUIRED.vi}`, en: `${FIGURE_HELP[f.kind].en} ${REQUIRED.en}` }
      : FIGURE_HELP[f.kind],
  })),
  {
    path: 'receivedAt',
    kind: 'instant',
    required: false,
    boardOnly: true,
    label: { vi: 'Ngày nhận báo cáo giấy', en: 'Paper form received at' },
    help: {
      vi: 'Chỉ Ban quản lý: ngày giờ nhận báo cáo giấy (dd/mm/yyyy hh:mm, giờ Việt Nam). Để trống là thời điểm tải lên.',
      en: 'Board only: when the paper form was received (dd/mm/yyyy hh:mm, Vietnam time). Blank means the time of upload.',
    },
  },
];

/** A cell as the JSON API would receive the field, for the report's own validation to judge. */
export function columnValue(column: ReportColumn, cell: PlainCell): unknown {
  switch (column.kind) {
    case 'taxCode':
      return taxCodeCellValue(cell);
    case 'period':
      return periodCellValue(cell);
    case 'instant':
      return instantCellValue(cell);
    default:
      return figureCellValue(column.kind, cell);
  }
}
