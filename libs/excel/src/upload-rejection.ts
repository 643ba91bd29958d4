/** One reason a file as a whole was refused: `field` is `file` or a column's field path. */
export interface FileIssue {
  readonly field: string;
  readonly code: string;
  readonly message: string;
  readonly cell?: string;
}

/**
 * A file refused before any row is looked at: 413 too large (bytes, rows, inflated size), 415 not an
 * xlsx or CSV, 422 a workbook without the field-path row or its required columns.
 */
export class UploadRejection extends Error {
  constructor(
    readonly status: 413 | 415 | 422,
    message: string,
    readonly issues: readonly FileIssue[],
  ) {
    super(message);
  }

  /** A refusal of the file as a whole, for one reason. */
  static of(status: 413 | 415 | 422, code: string, message: string): UploadRejection {
    return new UploadRejection(status, message, [{ field: 'file', code, message }]);
  }
}
