import { csvSheetRows } from './csv-rows.reader';
import { readReportRows, ReportRows } from './report-rows.reader';
import { UploadFormat, sniffUpload } from './upload-format.sniffer';
import type { UploadLimits } from './upload-limits';
import { UploadRejection } from './upload-rejection';
import { inspectXlsxPackage } from './xlsx-package.inspector';
import { xlsxSheetRows } from './xlsx-sheet-rows.reader';

export interface ReportFile extends ReportRows {
  readonly format: UploadFormat;
}

/**
 * The report rows of an uploaded file (.xlsx or CSV, told apart by content), each as a JSON report
 * body with the cells of its fields. The file is refused as a whole (UploadRejection: 413, 415, 422)
 * when it is too large in bytes, inflated size or rows, of another kind, or lacks the template's columns.
 */
export async function readReportFile(bytes: Buffer, fileName: string | undefined, limits: UploadLimits): Promise<ReportFile> {
  if (bytes.length > limits.maxFileBytes) {
    throw UploadRejection.of(413, 'FILE_TOO_LARGE', `The file has ${bytes.length} bytes; at most ${limits.maxFileBytes} are accepted.`);
  }
  const upload = sniffUpload(bytes, fileName);
  const sheet = upload.format === 'xlsx' ? xlsxSheetRows(await inspectXlsxPackage(bytes, limits)) : csvSheetRows(upload.text);
  try {
    return { format: upload.format, ...(await readReportRows(sheet, limits)) };
  } catch (error) {
    if (error instanceof UploadRejection) throw error;
    // The package passed its checks but its XML does not parse: a damaged or hand-made file.
    throw UploadRejection.of(415, 'DAMAGED_FILE', 'The workbook cannot be read; save it again as .xlsx.');
  }
}
