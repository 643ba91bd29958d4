import type { stream, Worksheet } from 'exceljs';
import { cellContent, RawValue, UnitName, unitNumFmt, unitSuffix } from './cell-units';
import { headerLanguages, Label, WorkbookLanguage } from './labels';

export interface Column<R> {
  readonly label: Label;
  /** Width in characters. */
  readonly width: number;
  /** A unit fixed for the column is named in its header; one chosen per row is named in a column of its own. */
  readonly unit: UnitName | ((row: R) => UnitName);
  readonly value: (row: R, language: WorkbookLanguage) => RawValue;
}

export interface TableSheet<R> {
  readonly name: Label;
  /** Row 1: what the sheet shows and for which period. */
  readonly title: Label;
  readonly columns: readonly Column<R>[];
  /** Read once, row by row, so a long list need not be held in memory. */
  readonly rows: Iterable<R> | AsyncIterable<R>;
  /** Leading columns (codes and names) kept in view when scrolling right. */
  readonly frozenColumns: number;
}

const TITLE_FONT = { bold: true, size: 13 };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
// Room for three wrapped lines of a long Vietnamese header.
const HEADER_HEIGHT = 48;

function headerText(column: Column<unknown>, language: WorkbookLanguage): string {
  const suffix = typeof column.unit === 'string' ? unitSuffix(column.unit) : undefined;
  return suffix ? `${column.label[language]} (${suffix[language]})` : column.label[language];
}

/**
 * Writes one sheet of a streaming workbook: a title row, one header row per language, then the rows,
 * each committed (flushed to the zip stream) as soon as it is written, and the sheet committed at the end.
 */
export async function writeTableSheet<R>(
  workbook: stream.xlsx.WorkbookWriter,
  sheet: TableSheet<R>,
  language: WorkbookLanguage,
): Promise<void> {
  const headers = headerLanguages(language);
  // Views and column widths go into the sheet's opening XML, so they are set before the first row is committed.
  const worksheet = workbook.addWorksheet(sheet.name[language], {
    views: [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: 1 + headers.length }],
  });
  worksheet.columns = sheet.columns.map((c) => ({ width: c.width }));

  const title = worksheet.addRow([sheet.title[language]]);
  title.font = TITLE_FONT;
  title.commit();
  for (const [i, headerLanguage] of headers.entries()) {
    const row = worksheet.addRow(sheet.columns.map((c) => headerText(c as Column<unknown>, headerLanguage)));
    // The first header row carries the workbook's language; a translation below it is set in italics.
    row.font = { bold: true, italic: i > 0 };
    row.fill = HEADER_FILL;
    row.alignment = { wrapText: true, vertical: 'middle' };
    row.height = HEADER_HEIGHT;
    row.commit();
  }
  for await (const item of sheet.rows) writeRow(worksheet, sheet.columns, item, language);
  worksheet.commit();
}

function writeRow<R>(worksheet: Worksheet, columns: readonly Column<R>[], item: R, language: WorkbookLanguage): void {
  const row = worksheet.addRow([]);
  columns.forEach((column, i) => {
    const unit = typeof column.unit === 'string' ? column.unit : column.unit(item);
    const content = cellContent(unit, column.value(item, language));
    if (content === null) return;
    const cell = row.getCell(i + 1);
    cell.value = content;
    const numFmt = unitNumFmt(unit);
    if (numFmt) cell.numFmt = numFmt;
  });
  row.commit();
}
