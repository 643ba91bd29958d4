import { Injectable } from '@nestjs/common';
import { canAccessZone, Principal, seesAllZones } from '@app/access';
import { ReportSubmissionsRepository, StoredUploadBatch, SubmissionInsert, UploadBatchesRepository } from '@app/database';
import { toLocalIso } from '@app/domain';
import type { UploadFormat } from '@app/excel';
import { FieldError, Problem } from '../common/problem';
import { isUuid } from '../common/uuid';
import { SubmissionWriter } from './submission-writer.service';

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

const STATUSES = ['received', 'accepted', 'rejected', 'superseded'] as const;

/**
 * An upload is readable by its uploader and by anyone whose scope covers the uploader's: the same
 * enterprise, a board over all the uploader's zones, an admin. Fails closed: an uploader in no zone
 * (an enterprise not registered) is covered by no zone board.
 */
function canReadBatch(p: Principal, b: StoredUploadBatch): boolean {
  if (p.role === 'admin' || p.tokenId === b.uploadedBy) return true;
  if (p.role === 'enterprise') return b.uploaderRole === 'enterprise' && b.uploaderTaxCode === p.taxCode;
  if (seesAllZones(p)) return true;
  const zones = b.uploaderZoneCodes;
  return zones !== null && zones.length > 0 && zones.every((zone) => canAccessZone(p, zone));
}

/** Upload batches: stored with their valid rows in one transaction, read back with each row's status as the worker decides. */
@Injectable()
export class UploadBatches {
  constructor(
    private readonly batches: UploadBatchesRepository,
    private readonly submissions: ReportSubmissionsRepository,
    private readonly writer: SubmissionWriter,
  ) {}

  store(batch: UploadBatch, submissions: readonly SubmissionInsert[], p: Principal): Promise<Map<string, Date>> {
    return this.writer.storeAll(submissions, (tx) =>
      this.batches.insert(
        {
          id: batch.id,
          uploadedBy: p.tokenId,
          uploaderRole: p.role,
          uploaderTaxCode: p.taxCode,
          uploaderZoneCodes: batch.uploaderZones,
          fileName: batch.fileName ?? null,
          format: batch.format,
          atomic: batch.atomic,
          rowCount: batch.rowCount,
          invalidRows: batch.invalidRows,
        },
        tx,
      ),
    );
  }

  async view(batchId: string, p: Principal) {
    const batch = isUuid(batchId) ? await this.batches.find(batchId) : null;
    if (!batch || !canReadBatch(p, batch)) throw Problem.notFound(`No upload ${batchId} in your scope.`);
    const stored = await this.submissions.inBatch(batchId);
    const counts = Object.fromEntries(STATUSES.map((s) => [s, stored.filter((r) => r.status === s).length]));
    const rows = [
      ...stored.map((r) => ({
        row: r.row,
        status: r.status,
        id: r.id,
        taxCode: r.taxCode,
        period: r.period,
        revision: r.revision,
        issues: r.issues,
      })),
      ...batch.invalidRows,
    ].sort((a, b) => a.row - b.row);
    return {
      batchId: batch.id,
      uploadedAt: toLocalIso(batch.uploadedAt),
      fileName: batch.fileName,
      format: batch.format,
      atomic: batch.atomic,
      // Processed once the worker has decided on every stored row.
      processed: counts.received === 0,
      counts: { rows: batch.rowCount, invalid: batch.invalidRows.length, ...counts },
      rows,
    };
  }
}
