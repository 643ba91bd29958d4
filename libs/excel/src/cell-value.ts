import type { CellValue } from 'exceljs';

/** What a cell holds once formulas, rich text and links are looked through; CSV cells are always text. */
export type PlainCell = string | number | boolean | Date | null;

/**
 * The value a person sees in the cell: a formula's cached result (as Excel and LibreOffice save it),
 * the text of rich text and of links, an error's code ('#DIV/0!'). A formula saved without a result
 * gives its text, so the row is refused rather than the figure taken as not reported.
 */
export function plainCellValue(value: CellValue | undefined): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const { result } = value as { result?: unknown };
    // The streaming reader gives an error result ('#DIV/0!') as NaN: the formula is shown instead.
    if (result === undefined || result === null || Number.isNaN(result))
      return `=${'formula' in value ? value.formula : value.sharedFormula}`;
    return typeof result === 'object' && !(result instanceof Date) ? plainCellValue(result as CellValue) : (result as PlainCell);
  }
  if ('text' in value) return plainCellValue(value.text);
  return null;
}

/** Blank: nothing, or only spaces. */
export function isBlankCell(cell: PlainCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}
