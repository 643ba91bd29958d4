import { isBlankCell } from './cell-value';
import { columnLayout, ColumnLayout, IgnoredColumn } from './column-layout';
import { columnValue } from './report-columns';
import type { SheetRow } from './sheet-row';
import type { UploadLimits } from './upload-limits';
import { UploadRejection } from './upload-rejection';

/** One report row of a file, in the JSON API's shape so the same validation judges it. */
export interface ReportRow {
  /** The row's number in the sheet, as a spreadsheet shows it. */
  readonly row: number;
  readonly body: Record<string, unknown>;
  /** The cell of a field path in this row ('D4'), when the file has that column. */
  cellOf(field: string): string | undefined;
}

export interface ReportRows {
  readonly rows: readonly ReportRow[];
  readonly ignoredColumns: readonly IgnoredColumn[];
}

// The field-path row is row 2 of the template; a title row or two added above it are tolerated.
const PATH_ROW_SEARCH = 10;

const noPathRow = () =>
  UploadRejection.of(
    422,
    'NO_FIELD_PATH_ROW',
    `No row among the first ${PATH_ROW_SEARCH} holds the field paths (taxCode, period, production.grossOutput, ...): ` +
      'keep row 2 of the template as it is.',
  );

/**
 * Reads the report rows of a sheet: finds the field-path row, then turns each row below it with
 * anything in a report column into a report body; blank rows are skipped. Reading stops, and the file
 * is refused with 413, as soon as it holds more report rows or sheet rows than the limits allow.
 */
export async function readReportRows(sheet: AsyncIterable<SheetRow>, limits: UploadLimits): Promise<ReportRows> {
  let layout: ColumnLayout | null = null;
  let sheetRows = 0;
  const rows: ReportRow[] = [];
  for await (const row of sheet) {
    if (++sheetRows > limits.maxSheetRows) {
      throw UploadRejection.of(413, 'SHEET_TOO_LARGE', `The sheet has more than ${limits.maxSheetRows} rows; split it into smaller files.`);
    }
    if (!layout) {
      layout = columnLayout(row);
      if (!layout && row.number >= PATH_ROW_SEARCH) throw noPathRow();
      continue;
    }
    const body = reportBody(layout, row);
    if (!body) continue;
    if (rows.length === limits.maxRows) {
      throw UploadRejection.of(
        413,
        'TOO_MANY_ROWS',
        `The file has more than ${limits.maxRows} reports; split it into files of at most ${limits.maxRows} rows.`,
      );
    }
    // The row's number only: the sheet row (every cell of it, notes included) is let go.
    const number = row.number;
    const columns = layout;
    rows.push({ row: number, body, cellOf: (field) => columns.cellOf(field, number) });
  }
  if (!layout) throw noPathRow();
  if (rows.length === 0) throw UploadRejection.of(422, 'NO_ROWS', `The file has no report below the field-path row ${layout.pathRow}.`);
  return { rows, ignoredColumns: layout.ignored };
}

/**
 * The row as a JSON report body, or null when every report cell is blank. Required sections are always there, so a missing
 * figure is named by its path.
 */
function reportBody(layout: ColumnLayout, row: SheetRow): Record<string, unknown> | null {
  const body: Record<string, unknown> = { production: {}, employment: {}, wages: {} };
  let filled = false;
  for (const [column, reportColumn] of layout.columns) {
    const cell = row.cells.get(column) ?? null;
    if (isBlankCell(cell)) continue;
    filled = true;
    const [section, key] = reportColumn.path.split('.');
    const value = columnValue(reportColumn, cell);
    if (key === undefined) body[section] = value;
    else ((body[section] ??= {}) as Record<string, unknown>)[key] = value;
  }
  return filled ? body : null;
}
