import { UploadRejection } from './upload-rejection';

export type UploadFormat = 'xlsx' | 'csv';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Compound File Binary: Excel 97-2003 workbooks, and .xlsx files protected by a password.
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Bytes enough to tell the kinds apart. */
export const SNIFF_BYTES = OLE.length;
const SPREADSHEET_NAME = /\.(xlsx|xlsm|xls|ods)$/i;
// Text has no control characters but tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

const notText = () =>
  UploadRejection.of(
    415,
    'UNSUPPORTED_FILE_TYPE',
    'The file is neither an .xlsx workbook nor a UTF-8 CSV file: download the template, fill it in and upload it.',
  );

/**
 * What an upload is, judged by its first bytes, not its name: a zip package (an .xlsx, checked further
 * before reading) or else text (CSV, whose bytes uploadText checks as they are read). An old workbook
 * is refused with 415 and a hint for what to save instead; so is anything under a spreadsheet's name
 * that is no zip, which would otherwise be read as CSV by surprise.
 */
export function sniffUpload(head: Buffer, fileName: string | undefined): UploadFormat {
  if (head.subarray(0, ZIP.length).equals(ZIP)) return 'xlsx';
  if (head.subarray(0, OLE.length).equals(OLE)) {
    throw UploadRejection.of(
      415,
      'UNSUPPORTED_FILE_TYPE',
      'The file is an Excel 97-2003 workbook (.xls) or a workbook protected by a password: save it as .xlsx without a password.',
    );
  }
  if (fileName !== undefined && SPREADSHEET_NAME.test(fileName)) throw notText();
  return 'csv';
}

/** The text of a CSV upload, decoded as it arrives; 415 as soon as it is not UTF-8 or holds control characters. */
export async function* uploadText(bytes: AsyncIterable<Buffer>): AsyncIterable<string> {
  // The decoder drops a byte-order mark, and keeps a character cut between two chunks for the next.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      const text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      if (CONTROL.test(text)) throw notText();
      return text;
    } catch (error) {
      throw error instanceof UploadRejection ? error : notText();
    }
  };
  for await (const chunk of bytes) yield decode(chunk);
  yield decode();
}
