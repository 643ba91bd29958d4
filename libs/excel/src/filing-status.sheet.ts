import { periodLabel } from './period-label';
import { Label } from './labels';
import { FilingState, FilingStatusJson } from './summary-workbook.input';
import { Column, TableSheet } from './table-sheet.writer';

type FilingRow = FilingStatusJson['items'][number];

export const FILING_STATE_LABELS: Readonly<Record<FilingState, Label>> = {
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Nộp muộn', en: 'Late' },
  missing: { vi: 'Chưa nộp', en: 'Missing' },
};

const COLUMNS: readonly Column<FilingRow>[] = [
  { label: { vi: 'Mã số thuế', en: 'Tax code' }, unit: 'text', width: 15, value: (r) => r.taxCode },
  { label: { vi: 'Tên doanh nghiệp', en: 'Enterprise' }, unit: 'text', width: 40, value: (r) => r.name },
  { label: { vi: 'Mã khu', en: 'Zone code' }, unit: 'text', width: 9, value: (r) => r.zoneCode },
  { label: { vi: 'Tình trạng', en: 'Status' }, unit: 'text', width: 12, value: (r, language) => FILING_STATE_LABELS[r.status][language] },
  { label: { vi: 'Thời điểm nhận lần đầu', en: 'First received' }, unit: 'dateTime', width: 17, value: (r) => r.receivedAt },
  { label: { vi: 'Mã báo cáo', en: 'Report id' }, unit: 'text', width: 38, value: (r) => r.reportId },
];

/** "Tình hình nộp báo cáo": every enterprise expected to file the quarter, on time, late or missing. */
export function filingStatusSheet(filing: FilingStatusJson): TableSheet<FilingRow> {
  const quarter = periodLabel(filing.period, [filing.period]);
  return {
    name: { vi: 'Tình hình nộp báo cáo', en: 'Filing status' },
    title: { vi: `Tình hình nộp báo cáo ${quarter.vi}`, en: `Filing status, ${quarter.en}` },
    columns: COLUMNS,
    rows: filing.items,
    frozenColumns: 2,
  };
}
