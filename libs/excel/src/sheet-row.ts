import type { PlainCell } from './cell-value';

/** One row of a sheet or CSV file: its 1-based number as a spreadsheet shows it, and its non-empty cells by 1-based column. */
export interface SheetRow {
  readonly number: number;
  readonly cells: ReadonlyMap<number, PlainCell>;
}
