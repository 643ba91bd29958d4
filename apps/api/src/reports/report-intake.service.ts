import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Principal } from '@app/access';
import { REPORT_FIELDS, toLocalIso } from '@app/domain';
import { JobName, QueueName } from '@app/queue';
import { Problem } from '../common/problem';
import { FIGURE_COLUMNS } from '@app/database';
import { NormalizedReport, reportHash } from './submission';

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

const COLUMNS = ['id', 'tax_code', 'period', 'zone_code', 'source', 'submitted_by', 'filer_role', 'idempotency_key', 'request_hash', ...FIGURE_COLUMNS, 'received_at'];
// received_at is the last column: a paper form's stamp, or now.
const PLACEHOLDERS = [...COLUMNS.slice(1).map((_, i) => `$${i + 1}`), `COALESCE($${COLUMNS.length}::timestamptz, now())`].join(', ');

// One statement stores the submission and its outbox row atomically: one round trip, no Redis.
const INSERT_SQL = `
  WITH s AS (
    INSERT INTO report_submissions (${COLUMNS.join(', ')}) VALUES (${PLACEHOLDERS})
    ON CONFLICT (submitted_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING id, received_at
  ), o AS (
    INSERT INTO outbox (queue, job_name, job_id, payload)
    SELECT '${QueueName.Reports}', '${JobName.ProcessReport}', id::text, json_build_object('submissionId', id) FROM s
  )
  SELECT id, received_at FROM s`;

function receipt(id: string, receivedAt: Date): Receipt {
  return { id, status: 'received', receivedAt: toLocalIso(receivedAt), links: { self: `/v1/reports/${id}` } };
}

/** Stores what arrived before it is acknowledged; the worker decides on it later. */
@Injectable()
export class ReportIntake {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async submit(report: NormalizedReport, p: Principal, options: IntakeOptions): Promise<{ receipt: Receipt; created: boolean }> {
    const hash = reportHash(report);
    const params = [
      randomUUID(), report.taxCode, report.period, options.zoneCode, options.source, p.tokenId, p.role,
      options.idempotencyKey ?? null, hash, ...REPORT_FIELDS.map((f) => report.figures[f.key]), report.receivedAt,
    ];
    const rows: Array<{ id: string; received_at: Date }> = await this.db.query(INSERT_SQL, params);
    if (rows.length > 0) return { receipt: receipt(rows[0].id, rows[0].received_at), created: true };
    return { receipt: await this.replay(p, options.idempotencyKey!, hash), created: false };
  }

  /** The same key again: the first answer if the body is the same, else a conflict. */
  private async replay(p: Principal, key: string, hash: string): Promise<Receipt> {
    const rows: Array<{ id: string; received_at: Date; request_hash: string }> = await this.db.query(
      'SELECT id, received_at, request_hash FROM report_submissions WHERE submitted_by = $1 AND idempotency_key = $2',
      [p.tokenId, key],
    );
    const first = rows[0];
    if (!first) throw new Error('idempotency conflict without a stored submission');
    if (first.request_hash !== hash) {
      throw Problem.field(409, 'Idempotency-Key', 'IDEMPOTENCY_KEY_REUSED',
        'this Idempotency-Key was already used with a different body; use a new key for a new report');
    }
    return receipt(first.id, first.received_at);
  }
}
