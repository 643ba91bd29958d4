import type { SheetRow } from './sheet-row';

export type CsvDelimiter = ',' | ';';

// How many lines are looked at to find the delimiter: the field-path row is the second in the template.
const SNIFF_LINES = 10;
const FIELD_PATH_ROW_MARK = 'taxcode';

/**
 * Comma or semicolon: Excel saves CSV with the list separator of its locale, a semicolon where the
 * comma is the decimal mark (Vietnamese). Delimiters inside quotes do not count; the field-path row
 * decides when there is one (its paths hold neither character), else the first line.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const lines = text.split(/\r?\n/, SNIFF_LINES);
  const line = lines.find((l) => l.toLowerCase().includes(FIELD_PATH_ROW_MARK)) ?? lines[0] ?? '';
  const unquoted = line.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/**
 * Records of RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks. Yields
 * one record at a time, numbered as a spreadsheet shows them, so a caller can stop at any row count.
 */
export function* csvRecords(text: string, delimiter: CsvDelimiter): Generator<SheetRow> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let number = 1;
  const record = (): SheetRow => {
    fields.push(field);
    const cells = new Map<number, string>();
    fields.forEach((value, i) => {
      if (value !== '') cells.set(i + 1, value);
    });
    fields = [];
    field = '';
    return { number: number++, cells };
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      yield record();
    } else field += c;
  }
  if (field !== '' || fields.length > 0) yield record();
}

/** The rows of a UTF-8 CSV upload (already decoded), the delimiter found from its content. */
export async function* csvSheetRows(text: string): AsyncIterable<SheetRow> {
  const body = text.replace(/^\ufeff/, '');
  yield* csvRecords(body, detectDelimiter(body));
}
