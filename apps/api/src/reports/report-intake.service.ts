import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@app/access';
import { ReportSubmissionsRepository, SubmissionInsert } from '@app/database';
import { toLocalIso } from '@app/domain';
import { Problem } from '../common/problem';
import { NormalizedReport, reportHash } from './submission';
import { SubmissionWriter } from './submission-writer.service';

export interface Receipt {
  id: string;
  status: 'received';
  receivedAt: string;
  links: { self: string };
}

export interface IntakeOptions {
  readonly source: 'api' | 'excel';
  readonly idempotencyKey?: string;
  readonly zoneCode: string | null;
}

export function submissionInsert(
  report: NormalizedReport,
  p: Principal,
  options: IntakeOptions & { batchId?: string; batchRow?: number },
): SubmissionInsert {
  return {
    id: randomUUID(),
    taxCode: report.taxCode,
    period: report.period,
    zoneCode: options.zoneCode,
    source: options.source,
    submittedBy: p.tokenId,
    filerRole: p.role,
    idempotencyKey: options.idempotencyKey ?? null,
    // Only a retry with the same key compares bodies: without a key there is nothing to hash for.
    requestHash: options.idempotencyKey === undefined ? null : reportHash(report),
    batchId: options.batchId ?? null,
    batchRow: options.batchRow ?? null,
    figures: report.figures,
    receivedAt: report.receivedAt,
  };
}

export function receipt(id: string, receivedAt: Date): Receipt {
  return { id, status: 'received', receivedAt: toLocalIso(receivedAt), links: { self: `/v1/reports/${id}` } };
}

/** Stores what arrived before it is acknowledged; the worker decides on it later. */
@Injectable()
export class ReportIntake {
  constructor(
    private readonly submissions: ReportSubmissionsRepository,
    private readonly writer: SubmissionWriter,
  ) {}

  async submit(report: NormalizedReport, p: Principal, options: IntakeOptions): Promise<{ receipt: Receipt; created: boolean }> {
    const row = submissionInsert(report, p, options);
    const receivedAt = await this.writer.store(row);
    if (receivedAt) return { receipt: receipt(row.id, receivedAt), created: true };
    return { receipt: await this.replay(p, options.idempotencyKey!, row.requestHash!), created: false };
  }

  /** The same key again: the first answer if the body is the same, else a conflict. */
  private async replay(p: Principal, key: string, hash: string): Promise<Receipt> {
    const first = await this.submissions.findByIdempotencyKey(p.tokenId, key);
    if (!first) throw new Error('idempotency conflict without a stored submission');
    if (first.requestHash !== hash) {
      throw Problem.field(
        409,
        'Idempotency-Key',
        'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was already used with a different body; use a new key for a new report',
      );
    }
    return receipt(first.id, first.receivedAt);
  }
}
