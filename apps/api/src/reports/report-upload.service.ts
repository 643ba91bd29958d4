import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@app/access';
import { ConcurrencyLimit, ConcurrencyLimitBusy } from '@app/common';
import { Settings } from '@app/config';
import { IgnoredColumn, readReportFile, ReportRow, UploadFormat, uploadLimits, UploadLimits, UploadRejection } from '@app/excel';
import { FieldError, Problem } from '../common/problem';
import { isStorableText } from '../common/request-input-rules';
import { RETRY_AFTER_SECONDS } from '../common/unavailable-problem';
import { EnterpriseZones } from '../registry/enterprise-zones.service';
import { filingScopeError, paperReceiptError } from './filing-scope';
import { submissionInsert } from './report-intake.service';
import { RowValidation, validateReportBody } from './report-row-validation';
import { NormalizedReport, normalizeReport } from './submission';
import { InvalidRow, UploadBatches } from './upload-batches.service';

export interface UploadedFile {
  /** The file's bytes as they arrive. */
  readonly chunks: AsyncIterable<Buffer>;
  readonly fileName: string | undefined;
}

export interface UploadMode {
  readonly atomic: boolean;
  readonly dryRun: boolean;
}

interface ValidRow {
  readonly row: number;
  readonly report: NormalizedReport;
  readonly zoneCode: string | null;
}

type CheckedRow = ValidRow | InvalidRow;

/** The answer to an upload: each row received (stored, or only valid in a dry run) or invalid with its errors by cell. */
export interface UploadResult {
  /** null for a dry run, which stores nothing. */
  readonly batchId: string | null;
  readonly dryRun: boolean;
  readonly format: UploadFormat;
  readonly rows: ReadonlyArray<InvalidRow | { row: number; status: 'received' | 'valid'; id?: string; taxCode: string; period: string }>;
  readonly ignoredColumns: readonly IgnoredColumn[];
}

const isInvalid = (r: CheckedRow): r is InvalidRow => 'errors' in r;

// How long an upload waits for one being read to finish; reading a file of the largest size takes a few seconds.
const SLOT_WAIT_MS = 10_000;

/**
 * Report files into the pipeline of JSON reports: each row is validated by the same DTO and pipe as
 * POST /v1/reports, checked against the caller's scope, and stored as a submission (source excel,
 * with its batch and row) with its outbox row, so the worker decides on it as on any other report.
 */
@Injectable()
export class ReportUploads {
  private readonly limits: UploadLimits;
  /** Each upload being read costs memory in proportion to its rows: UPLOAD_CONCURRENCY at once. */
  private readonly reading: ConcurrencyLimit;

  constructor(
    settings: Settings,
    private readonly enterpriseZones: EnterpriseZones,
    private readonly batches: UploadBatches,
  ) {
    this.limits = uploadLimits(settings.UPLOAD_LIMIT_BYTES, settings.UPLOAD_MAX_ROWS);
    this.reading = new ConcurrencyLimit(settings.UPLOAD_CONCURRENCY);
  }

  /** Runs `work` (reading and storing one upload) once a reading slot is free; 503 when none frees up soon. */
  async inTurn<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.reading.acquire(SLOT_WAIT_MS).catch((error: unknown) => {
      throw error instanceof ConcurrencyLimitBusy
        ? new Problem(
            503,
            `Too many files are being read at the moment; nothing was stored: send the file again in ${RETRY_AFTER_SECONDS} seconds.`,
          )
        : error;
    });
    try {
      return await work();
    } finally {
      release();
    }
  }

  get maxRows(): number {
    return this.limits.maxRows;
  }

  async upload(upload: UploadedFile, mode: UploadMode, p: Principal): Promise<UploadResult> {
    if (upload.fileName !== undefined && !isStorableText(upload.fileName)) {
      // Read to the end first, as every refusal of a file is: the body must not stay in the connection.
      for await (const chunk of upload.chunks) void chunk;
      throw Problem.field(
        422,
        'file',
        'INVALID_CHARACTER',
        'the file name holds a control character, U+FFFE, U+FFFF or a lone surrogate; rename the file',
      );
    }
    const file = await readReportFile(upload.chunks, upload.fileName, this.limits).catch((error: unknown) => {
      throw error instanceof UploadRejection ? new Problem(error.status, error.message, [...error.issues]) : error;
    });
    const checked = await this.check(file.rows, p);
    const invalid = checked.filter(isInvalid);
    const answer = (batchId: string | null, rows: UploadResult['rows']): UploadResult => ({
      batchId,
      dryRun: batchId === null,
      format: file.format,
      rows,
      ignoredColumns: file.ignoredColumns,
    });
    if (mode.dryRun) {
      return answer(
        null,
        checked.map((r) => (isInvalid(r) ? r : { row: r.row, status: 'valid', taxCode: r.report.taxCode, period: r.report.period })),
      );
    }
    if (mode.atomic && invalid.length > 0) {
      const message =
        `${invalid.length} of ${checked.length} rows have errors, so nothing was stored (atomic upload): ` +
        'fix the cells listed and upload again.';
      throw new Problem(
        422,
        message,
        invalid.flatMap((r) => r.errors),
      );
    }
    const batchId = randomUUID();
    const valid = checked.filter((r): r is ValidRow => !isInvalid(r));
    const submissions = valid.map((r) =>
      submissionInsert(r.report, p, { source: 'excel', zoneCode: r.zoneCode, batchId, batchRow: r.row }),
    );
    const uploaderZones = await this.uploaderZones(p);
    await this.batches.store(
      {
        id: batchId,
        fileName: upload.fileName,
        format: file.format,
        atomic: mode.atomic,
        rowCount: checked.length,
        invalidRows: invalid,
        uploaderZones,
      },
      submissions,
      p,
    );
    const ids = new Map(submissions.map((s) => [s.batchRow, s.id]));
    return answer(
      batchId,
      checked.map((r) =>
        isInvalid(r) ? r : { row: r.row, status: 'received', id: ids.get(r.row), taxCode: r.report.taxCode, period: r.report.period },
      ),
    );
  }

  /** Every row judged as a JSON report would be (shape, then scope), with the zones of all tax codes looked up at once. */
  private async check(rows: readonly ReportRow[], p: Principal): Promise<CheckedRow[]> {
    const validations: RowValidation[] = [];
    for (const row of rows) validations.push(await validateReportBody(row.body));
    const zones = await this.enterpriseZones.zonesOf(validations.flatMap((v) => ('report' in v ? [v.report.taxCode] : [])));
    return rows.map((row, i): CheckedRow => {
      const v = validations[i];
      if ('errors' in v) return invalidRow(row, v.errors);
      const zoneCode = zones.get(v.report.taxCode) ?? null;
      const errors = filingErrors(v.report.taxCode, v.report.receivedAt, zoneCode, p);
      return errors.length > 0 ? invalidRow(row, errors) : { row: row.row, report: normalizeReport(v.report), zoneCode };
    });
  }

  /** The zones the uploader files for, kept with the batch to decide who may read it back. */
  private async uploaderZones(p: Principal): Promise<readonly string[] | null> {
    if (p.role !== 'enterprise') return p.role === 'admin' ? null : p.zoneCodes;
    const zone = (await this.enterpriseZones.zonesOf([p.taxCode!])).get(p.taxCode!);
    return zone ? [zone] : [];
  }
}

/** Errors by cell, in the order of the answer's contract: cell, field, code, message. */
function invalidRow(row: ReportRow, errors: readonly FieldError[]): InvalidRow {
  return {
    row: row.row,
    status: 'invalid',
    errors: errors.map((e) => ({ cell: row.cellOf(e.field), field: e.field, code: e.code, message: e.message })),
  };
}

function filingErrors(taxCode: string, receivedAt: string | undefined, zoneCode: string | null, p: Principal): FieldError[] {
  return [receivedAt === undefined ? null : paperReceiptError(receivedAt, p), filingScopeError(taxCode, zoneCode, p)].filter(
    (e): e is FieldError => e !== null,
  );
}
