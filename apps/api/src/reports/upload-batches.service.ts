import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { canAccessZone, Principal, seesAllZones } from '@app/access';
import { toLocalIso } from '@app/domain';
import type { UploadFormat } from '@app/excel';
import { FieldError, Problem } from '../common/problem';
import { isUuid } from '../common/uuid';
import { SubmissionInsert, SubmissionWriter } from './submission-writer.service';

/** A row of an upload refused before storing, with its errors by cell. */
export interface InvalidRow {
  readonly row: number;
  readonly status: 'invalid';
  readonly errors: readonly FieldError[];
}

export interface UploadBatch {
  readonly id: string;
  readonly fileName: string | undefined;
  readonly format: UploadFormat;
  readonly atomic: boolean;
  readonly rowCount: number;
  readonly invalidRows: readonly InvalidRow[];
  /** The zones the uploader could file for (null: all), which decide who may read the batch back. */
  readonly uploaderZones: readonly string[] | null;
}

interface BatchRow {
  id: string; uploaded_by: string; uploader_role: string; uploader_tax_code: string | null; uploader_zone_codes: string[] | null;
  uploaded_at: Date; file_name: string | null; format: string; atomic: boolean; row_count: number; invalid_rows: InvalidRow[];
}

interface StoredRow {
  id: string; batch_row: number; tax_code: string; period: string; status: string; revision: number | null; issues: unknown[];
}

const STATUSES = ['received', 'accepted', 'rejected', 'superseded'] as const;

/**
 * An upload is readable by its uploader and by anyone whose scope covers the uploader's: the same
 * enterprise, a board over all the uploader's zones, an admin. Fails closed: an uploader in no zone
 * (an enterprise not registered) is covered by no zone board.
 */
function canReadBatch(p: Principal, b: BatchRow): boolean {
  if (p.role === 'admin' || p.tokenId === b.uploaded_by) return true;
  if (p.role === 'enterprise') return b.uploader_role === 'enterprise' && b.uploader_tax_code === p.taxCode;
  if (seesAllZones(p)) return true;
  const zones = b.uploader_zone_codes;
  return zones !== null && zones.length > 0 && zones.every((zone) => canAccessZone(p, zone));
}

/** Upload batches: stored with their valid rows in one transaction, read back with each row's status as the worker decides. */
@Injectable()
export class UploadBatches {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: SubmissionWriter,
  ) {}

  store(batch: UploadBatch, submissions: readonly SubmissionInsert[], p: Principal): Promise<Map<string, Date>> {
    return this.writer.storeAll(submissions, (db) => db.query(
      `INSERT INTO report_upload_batches (id, uploaded_by, uploader_role, uploader_tax_code, uploader_zone_codes, file_name, format, atomic, row_count, invalid_rows)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [batch.id, p.tokenId, p.role, p.taxCode, batch.uploaderZones, batch.fileName ?? null, batch.format, batch.atomic, batch.rowCount, JSON.stringify(batch.invalidRows)],
    ));
  }

  async view(batchId: string, p: Principal) {
    const batches: BatchRow[] = isUuid(batchId) ? await this.db.query('SELECT * FROM report_upload_batches WHERE id = $1', [batchId]) : [];
    const batch = batches[0];
    if (!batch || !canReadBatch(p, batch)) throw Problem.notFound(`No upload ${batchId} in your scope.`);
    const stored: StoredRow[] = await this.db.query(
      'SELECT id, batch_row, tax_code, period, status, revision, issues FROM report_submissions WHERE batch_id = $1 ORDER BY batch_row', [batchId],
    );
    const counts = Object.fromEntries(STATUSES.map((s) => [s, stored.filter((r) => r.status === s).length]));
    const rows = [
      ...stored.map((r) => ({ row: r.batch_row, status: r.status, id: r.id, taxCode: r.tax_code, period: r.period, revision: r.revision, issues: r.issues })),
      ...batch.invalid_rows,
    ].sort((a, b) => a.row - b.row);
    return {
      batchId: batch.id,
      uploadedAt: toLocalIso(batch.uploaded_at),
      fileName: batch.file_name,
      format: batch.format,
      atomic: batch.atomic,
      // Processed once the worker has decided on every stored row.
      processed: counts.received === 0,
      counts: { rows: batch.row_count, invalid: batch.invalid_rows.length, ...counts },
      rows,
    };
  }
}
