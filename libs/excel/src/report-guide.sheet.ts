import { columnLetters } from './cell-ref';
import type { Label } from './labels';
import type { ReportColumn } from './report-columns';
import type { TableSheet } from './table-sheet.writer';

interface GuideRow {
  readonly column: string;
  readonly path: string;
  readonly label: Label;
  readonly required: Label;
  readonly help: Label;
}

const YES: Label = { vi: 'Có', en: 'Yes' };
const NO: Label = { vi: 'Không', en: 'No' };
const NONE: Label = { vi: '', en: '' };

function* guideRows(columns: readonly ReportColumn[], maxRows: number): Iterable<GuideRow> {
  for (const [i, c] of columns.entries()) {
    yield { column: columnLetters(i + 1), path: c.path, label: c.label, required: c.required ? YES : NO, help: c.help };
  }
  const note = (label: Label, help: Label): GuideRow => ({ column: '', path: '', label, required: NONE, help });
  yield note(
    { vi: 'Cách điền', en: 'How to fill in' },
    {
      vi:
        'Dòng 1 là tên chỉ tiêu, dòng 2 là mã trường: không sửa, không xoá dòng 2. ' +
        'Mỗi báo cáo một dòng, từ dòng 3; có thể thêm cột ghi chú.',
      en:
        'Row 1 holds the labels, row 2 the field paths: do not change or delete row 2. ' +
        'One report per row from row 3; note columns may be added.',
    },
  );
  yield note(
    { vi: 'Cách ghi số', en: 'Numbers' },
    {
      vi: 'Số nguyên, có thể có dấu phân cách hàng nghìn (1.234.567 hoặc 1,234,567). Ô trống là không báo cáo, khác với số 0.',
      en: 'Whole numbers, thousands separators allowed (1.234.567 or 1,234,567). A blank cell means not reported, which is not 0.',
    },
  );
  yield note(
    { vi: 'Tải lên', en: 'Upload' },
    {
      vi:
        'Tải lên tệp .xlsx này, hoặc tệp .csv (UTF-8, phân cách bằng dấu phẩy hoặc chấm phẩy) có cùng hai dòng đầu; ' +
        `tối đa ${maxRows} báo cáo một tệp. Lỗi được báo theo từng ô (ví dụ D4).`,
      en:
        'Upload this .xlsx file, or a .csv file (UTF-8, comma or semicolon separated) with the same two first rows; ' +
        `at most ${maxRows} reports a file. Errors are reported by cell (e.g. D4).`,
    },
  );
}

/** "Hướng dẫn": what each column of the report sheet holds and how to fill it in, in Vietnamese and English. */
export function reportGuideSheet(columns: readonly ReportColumn[], maxRows: number): TableSheet<GuideRow> {
  return {
    name: { vi: 'Hướng dẫn', en: 'Guide' },
    title: { vi: 'Hướng dẫn điền báo cáo quý (sheet Reports)', en: 'How to fill in the quarterly report (sheet Reports)' },
    // Both languages side by side: the board forwards the template to foreign-invested enterprises too.
    columns: [
      { label: { vi: 'Cột', en: 'Column' }, unit: 'text', width: 7, value: (r) => r.column },
      { label: { vi: 'Mã trường (dòng 2)', en: 'Field path (row 2)' }, unit: 'text', width: 34, value: (r) => r.path },
      { label: { vi: 'Chỉ tiêu', en: 'Field (Vietnamese)' }, unit: 'text', width: 48, value: (r) => r.label.vi },
      { label: { vi: 'Chỉ tiêu (tiếng Anh)', en: 'Field' }, unit: 'text', width: 40, value: (r) => r.label.en },
      { label: { vi: 'Bắt buộc', en: 'Required' }, unit: 'text', width: 10, value: (r, language) => r.required[language] },
      { label: { vi: 'Cách nhập', en: 'How to enter (Vietnamese)' }, unit: 'text', width: 100, value: (r) => r.help.vi },
      { label: { vi: 'Cách nhập (tiếng Anh)', en: 'How to enter' }, unit: 'text', width: 100, value: (r) => r.help.en },
    ],
    rows: guideRows(columns, maxRows),
    frozenColumns: 2,
  };
}
