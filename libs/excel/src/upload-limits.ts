/**
 * How much of an uploaded report file is read before it is refused with 413. The bounds keep memory
 * and CPU of the api small whatever arrives; an honest file of the largest allowed size stays far below each.
 */
export interface UploadLimits {
  /** Bytes of the file as uploaded. */
  readonly maxFileBytes: number;
  /** Report rows: rows below the field-path row with something in a report column. */
  readonly maxRows: number;
  /** Rows of the sheet read in all, blank ones too, before reading stops. */
  readonly maxSheetRows: number;
  /** Columns of a CSV row: as many as a worksheet has (Excel's XFD). */
  readonly maxColumns: number;
  /** Bytes of an xlsx package once inflated, all parts together: as declared, and as counted while inflating. */
  readonly maxInflatedBytes: number;
  /** Inflated bytes per compressed byte of one part; XML compresses about 5 to 30 times, a zip bomb about 1,000 times. */
  readonly maxCompressionRatio: number;
  /** Parts smaller than this are not held to the ratio: a tiny part of repeated markup may compress very well. */
  readonly ratioFloorBytes: number;
  /** Parts of the package; a workbook from Excel or LibreOffice has about 10 to 30. */
  readonly maxZipEntries: number;
}

const MIB = 1024 * 1024;

/** The limits for a file size and a row count from the settings; the rest follow from them or are fixed. */
export function uploadLimits(maxFileBytes: number, maxRows: number): UploadLimits {
  return {
    maxFileBytes,
    maxRows,
    maxSheetRows: Math.max(10 * maxRows, 10_000),
    maxColumns: 16_384,
    // A full sheet of 5,000 rows is about 5 MiB of XML; shared strings are held in memory while reading.
    maxInflatedBytes: 24 * MIB,
    maxCompressionRatio: 200,
    ratioFloorBytes: MIB,
    maxZipEntries: 500,
  };
}
