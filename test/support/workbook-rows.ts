import { Workbook, Worksheet } from 'exceljs';

/** Opens xlsx bytes (an attachment, a download) with exceljs. */
export async function openWorkbook(bytes: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  // exceljs types its input as its own Buffer interface, which @types/node's Buffer no longer matches.
  await workbook.xlsx.load(bytes as never);
  return workbook;
}

/**
 * The data rows of a table sheet (row 1 the title, then `headerRows` header rows) as objects keyed
 * by the first header row.
 */
export function sheetRecords(sheet: Worksheet, headerRows: number): Array<Record<string, unknown>> {
  const headers = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
  const rows: Array<Record<string, unknown>> = [];
  for (let r = 2 + headerRows; r <= sheet.rowCount; r++) {
    rows.push(Object.fromEntries(headers.map((h, i) => [h, sheet.getCell(r, i + 1).value])));
  }
  return rows;
}

/** The value under the first column whose header starts with `header`. */
export function field(record: Record<string, unknown>, header: string): unknown {
  const key = Object.keys(record).find((k) => k.startsWith(header));
  if (key === undefined) throw new Error(`no column "${header}" in ${Object.keys(record).join(' | ')}`);
  return record[key];
}
