import { stream } from 'exceljs';
import { Readable } from 'node:stream';
import { plainCellValue } from './cell-value';
import type { SheetRow } from './sheet-row';
import type { XlsxPackage } from './xlsx-package.inspector';

/**
 * The rows of the report sheet of a checked package, parsed as the sheet is inflated (exceljs's
 * streaming reader): one row in memory at a time, the caller stops reading whenever it wants. Styles
 * are read so that date cells come as dates; shared strings are held, within the inspected size.
 */
export async function* xlsxSheetRows(xlsx: XlsxPackage): AsyncIterable<SheetRow> {
  const reader = new stream.xlsx.WorkbookReader(Readable.from(xlsx.stream, { objectMode: false }), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const cells = new Map<number, ReturnType<typeof plainCellValue>>();
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const value = plainCellValue(cell.value);
        if (value !== null) cells.set(column, value);
      });
      yield { number: row.number, cells };
    }
  }
}
