import { UploadRejection } from './upload-rejection';

export type UploadFormat = 'xlsx' | 'csv';

export type SniffedUpload = { readonly format: 'xlsx' } | { readonly format: 'csv'; readonly text: string };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Compound File Binary: Excel 97-2003 workbooks, and .xlsx files protected by a password.
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SPREADSHEET_NAME = /\.(xlsx|xlsm|xls|ods)$/i;
// Text has no control characters but tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * What an upload is, judged by its content, not its name: a zip package (an .xlsx, checked further
 * before reading) or UTF-8 text (CSV). Anything else is refused with 415 and a hint for what to save
 * instead; so is text under a spreadsheet's name, which would otherwise be read as CSV by surprise.
 */
export function sniffUpload(bytes: Buffer, fileName: string | undefined): SniffedUpload {
  if (bytes.subarray(0, ZIP.length).equals(ZIP)) return { format: 'xlsx' };
  if (bytes.subarray(0, OLE.length).equals(OLE)) {
    throw UploadRejection.of(415, 'UNSUPPORTED_FILE_TYPE',
      'The file is an Excel 97-2003 workbook (.xls) or a workbook protected by a password: save it as .xlsx without a password.');
  }
  const text = utf8Text(bytes);
  if (text === null || (fileName !== undefined && SPREADSHEET_NAME.test(fileName))) {
    throw UploadRejection.of(415, 'UNSUPPORTED_FILE_TYPE', 'The file is neither an .xlsx workbook nor a UTF-8 CSV file: download the template, fill it in and upload it.');
  }
  return { format: 'csv', text };
}

function utf8Text(bytes: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return CONTROL.test(text) ? null : text;
  } catch {
    return null;
  }
}
