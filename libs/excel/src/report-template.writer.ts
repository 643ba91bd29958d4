import { DataValidation, stream, Worksheet } from 'exceljs';
import type { Writable } from 'node:stream';
import { columnLetters } from './cell-ref';
import { REPORT_COLUMNS, ReportColumn } from './report-columns';
import { reportGuideSheet } from './report-guide.sheet';
import { writeTableSheet } from './table-sheet.writer';

export const REPORT_SHEET_NAME = 'Reports';

export interface ReportTemplateInput {
  /** An enterprise's template is pre-filled with its tax code and the period in row 3. */
  readonly prefill?: { readonly taxCode: string; readonly period: string };
  /** Board and admin templates add the paper form's receipt stamp. */
  readonly forBoard: boolean;
  /** Rows given data validation, from row 3: the upload's row limit. */
  readonly maxRows: number;
}

const FIRST_DATA_ROW = 3;
const LABEL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
const PATH_FONT = { italic: true, size: 9, color: { argb: 'FF595959' } };
// Tax codes and periods as text, so Excel neither drops a leading zero nor reads them as numbers or dates.
const FORMATS: Record<ReportColumn['kind'], string> = {
  taxCode: '@',
  period: '@',
  instant: 'dd/mm/yyyy hh:mm',
  money: '#,##0',
  usd: '#,##0',
  count: '#,##0',
};

/**
 * The report template: sheet `Reports` with Vietnamese labels in row 1, the JSON field paths in row 2
 * (what an upload reads to find the columns), one report per row from row 3, each input cell
 * validated (whole numbers ≥ 0, the period's form) with input help in Vietnamese; and a guide sheet.
 * Written with the streaming writer into `output`; resolves once the whole file is written.
 */
export async function writeReportTemplate(output: Writable, input: ReportTemplateInput): Promise<void> {
  const columns = REPORT_COLUMNS.filter((c) => input.forBoard || !c.boardOnly);
  const workbook = new stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(REPORT_SHEET_NAME, { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  sheet.columns = columns.map((c) => ({
    width: c.kind === 'taxCode' || c.kind === 'period' ? 16 : 28,
    style: { numFmt: FORMATS[c.kind] },
  }));
  const labels = sheet.addRow(columns.map((c) => c.label.vi));
  labels.font = { bold: true };
  labels.alignment = { wrapText: true, vertical: 'middle' };
  labels.fill = LABEL_FILL;
  // Room for three wrapped lines of the longest Vietnamese label.
  labels.height = 60;
  labels.commit();
  const paths = sheet.addRow(columns.map((c) => c.path));
  paths.font = PATH_FONT;
  paths.commit();
  if (input.prefill) sheet.addRow([input.prefill.taxCode, input.prefill.period]).commit();
  const validations = (sheet as Worksheet & { dataValidations: { add(range: string, rule: DataValidation): void } }).dataValidations;
  for (const [i, column] of columns.entries()) {
    const letters = columnLetters(i + 1);
    validations.add(
      `${letters}${FIRST_DATA_ROW}:${letters}${FIRST_DATA_ROW + input.maxRows - 1}`,
      validation(column, `${letters}${FIRST_DATA_ROW}`),
    );
  }
  sheet.commit();
  await writeTableSheet(workbook, reportGuideSheet(columns, input.maxRows), 'vi');
  await workbook.commit();
}

// Excel shows at most 32 characters of an input help title and 255 of its text.
const TITLES: Record<ReportColumn['kind'], string> = {
  taxCode: 'Mã số thuế',
  period: 'Kỳ báo cáo',
  instant: 'Ngày nhận báo cáo giấy',
  money: 'Số tiền (đồng)',
  usd: 'Số tiền (USD)',
  count: 'Số người',
};

/** The rule and the Vietnamese help of a column; `first` is the range's top-left cell, to which formulas are relative. */
function validation(column: ReportColumn, first: string): DataValidation {
  const help = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: TITLES[column.kind],
    prompt: column.help.vi,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không hợp lệ',
    error: column.help.vi,
  };
  switch (column.kind) {
    case 'taxCode':
      return { ...help, type: 'custom', formulae: [`OR(LEN(${first})=10,LEN(${first})=14)`] };
    case 'period':
      return {
        ...help,
        type: 'custom',
        formulae: [
          `AND(LEN(${first})=7,MID(${first},5,2)="-Q",ISNUMBER(VALUE(LEFT(${first},4))),ISNUMBER(FIND(RIGHT(${first},1),"1234")))`,
        ],
      };
    case 'instant':
      return { ...help, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1990, 0, 1))] };
    default:
      return { ...help, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] };
  }
}
