import { cellRef } from './cell-ref';
import type { SheetRow } from './sheet-row';
import { REPORT_COLUMNS, ReportColumn } from './report-columns';
import { FileIssue, UploadRejection } from './upload-rejection';

/** A column that is not a report field (notes, totals, a typo in a path): read past, and named in the answer. */
export interface IgnoredColumn {
  /** The cell of the field-path row holding its header, e.g. 'P2'. */
  readonly cell: string;
  readonly text: string;
}

/** Where each report field sits in this file: found from the field-path row, whatever the order of the columns. */
export interface ColumnLayout {
  /** The field-path row's number (2 in the template). */
  readonly pathRow: number;
  readonly columns: ReadonlyMap<number, ReportColumn>;
  readonly ignored: readonly IgnoredColumn[];
  /** The cell of a field path in a row ('D4'), when the file has that column. */
  cellOf(path: string, row: number): string | undefined;
}

const BY_PATH = new Map(REPORT_COLUMNS.map((c) => [c.path.toLowerCase(), c]));
const FIELD_PATH_ROW_MARK = 'taxcode';

/**
 * The layout of a file from a row holding field paths (`taxCode`, `period`, `production.grossOutput`,
 * ...; case and spaces aside), or null when the row is not one (a label row above it). A file without
 * a required column, or with one twice, is refused as a whole: its rows could not be read right.
 */
export function columnLayout(row: SheetRow): ColumnLayout | null {
  const texts = [...row.cells].map(([column, value]) => [column, String(value).trim()] as const);
  if (!texts.some(([, text]) => text.toLowerCase() === FIELD_PATH_ROW_MARK)) return null;
  const columns = new Map<number, ReportColumn>();
  const numbers = new Map<string, number>();
  const ignored: IgnoredColumn[] = [];
  const issues: FileIssue[] = [];
  for (const [column, text] of texts) {
    const known = BY_PATH.get(text.toLowerCase());
    const cell = cellRef(column, row.number);
    if (!known) {
      if (text !== '') ignored.push({ cell, text });
    } else if (numbers.has(known.path)) {
      issues.push({
        cell,
        field: known.path,
        code: 'DUPLICATE_COLUMN',
        message: `${known.path} appears twice in row ${row.number}; keep one column for it`,
      });
    } else {
      columns.set(column, known);
      numbers.set(known.path, column);
    }
  }
  for (const c of REPORT_COLUMNS) {
    if (c.required && !numbers.has(c.path)) {
      issues.push({
        field: c.path,
        code: 'MISSING_COLUMN',
        message: `no column has ${c.path} in row ${row.number}; it is required (${c.label.vi})`,
      });
    }
  }
  if (issues.length > 0)
    throw new UploadRejection(
      422,
      `The field-path row ${row.number} does not fit the template: ${issues.length} column problem(s).`,
      issues,
    );
  return {
    pathRow: row.number,
    columns,
    ignored,
    cellOf: (path, r) => {
      const column = numbers.get(path);
      return column === undefined ? undefined : cellRef(column, r);
    },
  };
}
