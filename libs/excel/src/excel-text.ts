// Spreadsheet text escapes a character as _xHHHH_ (ECMA-376, ST_Xstring); readers decode such sequences.
const ESCAPE_LIKE = /_x[0-9A-Fa-f]{4}_/g;
// What XML cannot carry as is: a carriage return (normalised to a line feed by every XML parser) and the control characters.
const NOT_XML_AS_IS = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f]/g;

const escaped = (ch: string) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;

/**
 * A text for a cell of a written workbook, escaped so that Excel (and exceljs, LibreOffice) reads back
 * exactly this text: a carriage return kept, and a text that merely looks like an escape ("_x000D_")
 * left as typed, its underscore escaped as _x005F_.
 */
export function cellText(text: string): string {
  return text.replace(ESCAPE_LIKE, (match) => `_x005F_${match.slice(1)}`).replace(NOT_XML_AS_IS, escaped);
}
