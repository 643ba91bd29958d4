import { csvSheetRows } from './csv-rows.reader';
import { readReportRows, ReportRows } from './report-rows.reader';
import { SNIFF_BYTES, sniffUpload, UploadFormat, uploadText } from './upload-format.sniffer';
import { UploadBytes } from './upload-bytes';
import type { UploadLimits } from './upload-limits';
import { UploadRejection } from './upload-rejection';
import { inspectXlsxPackage } from './xlsx-package.inspector';
import { xlsxSheetRows } from './xlsx-sheet-rows.reader';

export interface ReportFile extends ReportRows {
  readonly format: UploadFormat;
}

/**
 * The report rows of an uploaded file (.xlsx or CSV, told apart by content), each as a JSON report
 * body with the cells of its fields, read as the bytes arrive: a CSV is parsed as it streams in, an
 * xlsx (whose directory is at its end) is held as packed bytes only. The file is refused as a whole
 * (UploadRejection: 413, 415, 422) when it is too large in bytes, inflated size or rows, of another
 * kind, or lacks the template's columns; too many bytes decides first, as the file is read to its end.
 */
export async function readReportFile(
  source: Buffer | AsyncIterable<Buffer>,
  fileName: string | undefined,
  limits: UploadLimits,
): Promise<ReportFile> {
  const bytes = new UploadBytes(source, limits.maxFileBytes);
  try {
    const format = sniffUpload(await bytes.head(SNIFF_BYTES), fileName);
    const sheet =
      format === 'xlsx'
        ? xlsxSheetRows(await inspectXlsxPackage(await bytes.all(), limits))
        : csvSheetRows(uploadText(bytes), limits.maxColumns);
    return {
      format,
      ...(await readReportRows(sheet, limits).catch((error: unknown) => {
        if (error instanceof UploadRejection || format === 'csv') throw error;
        // The package passed its checks but its XML does not parse: a damaged or hand-made file.
        throw UploadRejection.of(415, 'DAMAGED_FILE', 'The workbook cannot be read; save it again as .xlsx.');
      })),
    };
  } catch (error) {
    throw (await bytes.rest()) ?? error;
  }
}
