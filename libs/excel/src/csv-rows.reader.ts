import type { SheetRow } from './sheet-row';
import { UploadRejection } from './upload-rejection';

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
 * Records of RFC 4180 CSV, read from text that arrives in pieces cut anywhere: quoted fields may hold
 * delimiters, doubled quotes and line breaks. Records are numbered as a spreadsheet shows them. Each
 * field is put together from slices of the pieces, never a character at a time (a string grown one
 * character at a time costs tens of bytes per character until it is flattened).
 */
export class CsvRecordParser {
  private readonly special: RegExp;
  private fields: string[] = [];
  private parts: string[] = [];
  private quoted = false;
  /** The last piece ended on a quote inside a quoted field: doubled or closing, the next piece tells. */
  private quoteAtEnd = false;
  /** The last piece ended on a carriage return: a line feed starting the next one belongs to it. */
  private returnAtEnd = false;
  private number = 1;

  constructor(
    private readonly delimiter: CsvDelimiter,
    private readonly maxColumns = Infinity,
  ) {
    this.special = new RegExp(`["\\r\\n${delimiter}]`, 'g');
  }

  /** The records completed by one more piece of text. */
  push(text: string): SheetRow[] {
    const records: SheetRow[] = [];
    let i = 0;
    if (this.returnAtEnd && text.length > 0) {
      this.returnAtEnd = false;
      if (text[0] === '\n') i = 1;
    }
    while (i < text.length) {
      if (this.quoteAtEnd) {
        this.quoteAtEnd = false;
        if (text[i] === '"') {
          this.parts.push('"');
          i++;
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        const quote = text.indexOf('"', i);
        if (quote === -1) {
          this.parts.push(text.slice(i));
          break;
        }
        this.parts.push(text.slice(i, quote));
        if (quote + 1 === text.length) {
          this.quoteAtEnd = true;
          break;
        }
        if (text[quote + 1] === '"') {
          this.parts.push('"');
          i = quote + 2;
        } else {
          this.quoted = false;
          i = quote + 1;
        }
        continue;
      }
      this.special.lastIndex = i;
      const found = this.special.exec(text);
      const at = found ? found.index : text.length;
      if (at > i) this.parts.push(text.slice(i, at));
      if (!found) break;
      i = at + 1;
      if (found[0] === '"') this.quoted = true;
      else if (found[0] === this.delimiter) this.endField();
      else {
        if (found[0] === '\r') {
          if (i === text.length) this.returnAtEnd = true;
          else if (text[i] === '\n') i++;
        }
        records.push(this.endRecord());
      }
    }
    return records;
  }

  /** The last record, when the text does not end with a line break. */
  end(): SheetRow[] {
    if (this.quoteAtEnd) this.quoted = this.quoteAtEnd = false;
    return this.parts.length > 0 || this.fields.length > 0 ? [this.endRecord()] : [];
  }

  private endField(): void {
    this.fields.push(this.parts.length === 1 ? copyOf(this.parts[0]) : this.parts.join(''));
    this.parts = [];
    if (this.fields.length > this.maxColumns) {
      throw UploadRejection.of(
        413,
        'TOO_MANY_COLUMNS',
        `Row ${this.number} has more than ${this.maxColumns} columns; a sheet has at most ${this.maxColumns}.`,
      );
    }
  }

  private endRecord(): SheetRow {
    this.endField();
    const cells = new Map<number, string>();
    this.fields.forEach((value, i) => {
      if (value !== '') cells.set(i + 1, value);
    });
    this.fields = [];
    return { number: this.number++, cells };
  }
}

/**
 * A copy of a slice that shares no memory with the piece it was cut from: V8 keeps a slice of 13
 * characters or more as a view of the whole piece, which a value kept for later would keep alive.
 */
function copyOf(slice: string): string {
  return ` ${slice}`.slice(1);
}

/** The rows of a CSV upload from its text as it is decoded, the delimiter found from its first lines. */
export async function* csvSheetRows(text: AsyncIterable<string>, maxColumns: number): AsyncIterable<SheetRow> {
  let parser: CsvRecordParser | null = null;
  let start = '';
  let lines = 0;
  for await (const piece of text) {
    if (!parser) {
      start += piece;
      for (let at = piece.indexOf('\n'); at !== -1 && lines < SNIFF_LINES; at = piece.indexOf('\n', at + 1)) lines++;
      if (lines < SNIFF_LINES) continue;
      parser = new CsvRecordParser(detectDelimiter(start), maxColumns);
      yield* parser.push(start);
      start = '';
      continue;
    }
    yield* parser.push(piece);
  }
  parser ??= new CsvRecordParser(detectDelimiter(start), maxColumns);
  yield* parser.push(start);
  yield* parser.end();
}
