import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** A row of an upload refused before storing, with its errors by cell. */
export interface InvalidUploadRow {
  readonly row: number;
  readonly status: 'invalid';
  readonly errors: ReadonlyArray<{ readonly field: string; readonly code: string; readonly message: string; readonly cell?: string }>;
}

export interface UploadBatchRecord {
  readonly id: string;
  readonly uploadedBy: string;
  readonly uploaderRole: string;
  readonly uploaderTaxCode: string | null;
  /** The zones the uploader could file for (null: all), which decide who may read the batch back. */
  readonly uploaderZoneCodes: readonly string[] | null;
  readonly fileName: string | null;
  readonly format: string;
  readonly atomic: boolean;
  readonly rowCount: number;
  readonly invalidRows: readonly InvalidUploadRow[];
}

export interface StoredUploadBatch extends UploadBatchRecord {
  readonly uploadedAt: Date;
}

interface BatchRow {
  id: string;
  uploaded_by: string;
  uploader_role: string;
  uploader_tax_code: string | null;
  uploader_zone_codes: string[] | null;
  uploaded_at: Date;
  file_name: string | null;
  format: string;
  atomic: boolean;
  row_count: number;
  invalid_rows: InvalidUploadRow[];
}

const toBatch = (r: BatchRow): StoredUploadBatch => ({
  id: r.id,
  uploadedBy: r.uploaded_by,
  uploaderRole: r.uploader_role,
  uploaderTaxCode: r.uploader_tax_code,
  uploaderZoneCodes: r.uploader_zone_codes,
  uploadedAt: r.uploaded_at,
  fileName: r.file_name,
  format: r.format,
  atomic: r.atomic,
  rowCount: r.row_count,
  invalidRows: r.invalid_rows,
});

/**
 * `report_upload_batches`: an uploaded file, its rows refused before storing, and who may read it back;
 * its stored rows are submissions.
 */
export class UploadBatchesRepository {
  constructor(private readonly db: Transactions) {}

  /** Written in the transaction that stores the batch's valid rows, so that neither is ever seen without the other. */
  async insert(b: UploadBatchRecord, tx: SqlSession): Promise<void> {
    await tx.query(
      `INSERT INTO report_upload_batches
         (id, uploaded_by, uploader_role, uploader_tax_code, uploader_zone_codes, file_name, format, atomic, row_count, invalid_rows)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        b.id,
        b.uploadedBy,
        b.uploaderRole,
        b.uploaderTaxCode,
        b.uploaderZoneCodes,
        b.fileName,
        b.format,
        b.atomic,
        b.rowCount,
        JSON.stringify(b.invalidRows),
      ],
    );
  }

  /** The batch; `id` must be a uuid. */
  async find(id: string, tx: SqlSession = this.db.pool): Promise<StoredUploadBatch | null> {
    const [row] = await tx.query<BatchRow>('SELECT * FROM report_upload_batches WHERE id = $1', [id]);
    return row ? toBatch(row) : null;
  }
}
