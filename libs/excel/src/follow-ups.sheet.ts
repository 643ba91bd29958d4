import { unitSuffix } from './cell-units';
import { Label } from './labels';
import { FollowUpJson, WarningJson } from './summary-workbook.input';
import { Column, TableSheet } from './table-sheet.writer';
import { WarningFigures, warningFigures } from './warning-figures';

/** One warning of one report: a report with two warnings takes two rows. */
interface WarningRow {
  readonly report: FollowUpJson;
  readonly warning: WarningJson;
  readonly figures: WarningFigures;
}

const COLUMNS: readonly Column<WarningRow>[] = [
  { label: { vi: 'Mã số thuế', en: 'Tax code' }, unit: 'text', width: 15, value: (r) => r.report.taxCode },
  { label: { vi: 'Tên doanh nghiệp', en: 'Enterprise' }, unit: 'text', width: 36, value: (r) => r.report.enterpriseName },
  { label: { vi: 'Mã khu', en: 'Zone code' }, unit: 'text', width: 9, value: (r) => r.report.zoneCode },
  { label: { vi: 'Quý', en: 'Quarter' }, unit: 'text', width: 9, value: (r) => r.report.period },
  { label: { vi: 'Mã cảnh báo', en: 'Warning code' }, unit: 'text', width: 24, value: (r) => r.warning.code },
  {
    label: { vi: 'Nội dung', en: 'Explanation' },
    unit: 'text',
    width: 70,
    value: (r, language) => (language === 'vi' ? r.figures.explanationVi : r.warning.message),
  },
  { label: { vi: 'Số liệu báo cáo', en: 'Reported figure' }, unit: (r) => r.figures.unit, width: 16, value: (r) => r.figures.value },
  { label: { vi: 'Mức so sánh', en: 'Compared with' }, unit: (r) => r.figures.unit, width: 16, value: (r) => r.figures.reference },
  { label: { vi: 'Đơn vị', en: 'Unit' }, unit: 'text', width: 12, value: (r, language) => unitSuffix(r.figures.unit)?.[language] },
  { label: { vi: 'Thay đổi', en: 'Change' }, unit: 'percent', width: 10, value: (r) => r.figures.changePct },
  { label: { vi: 'Mã báo cáo', en: 'Report id' }, unit: 'text', width: 38, value: (r) => r.report.reportId },
];

async function* warningRows(reports: Iterable<FollowUpJson> | AsyncIterable<FollowUpJson>): AsyncIterable<WarningRow> {
  for await (const report of reports) {
    for (const warning of report.warnings) yield { report, warning, figures: warningFigures(warning) };
  }
}

/** "Cảnh báo cần xử lý": the warnings of accepted reports that the board has yet to review. */
export function followUpsSheet(period: Label, reports: Iterable<FollowUpJson> | AsyncIterable<FollowUpJson>): TableSheet<WarningRow> {
  return {
    name: { vi: 'Cảnh báo cần xử lý', en: 'Warnings to follow up' },
    title: { vi: `Cảnh báo cần xử lý, ${period.vi}`, en: `Warnings to follow up, ${period.en}` },
    columns: COLUMNS,
    rows: warningRows(reports),
    frozenColumns: 2,
  };
}
