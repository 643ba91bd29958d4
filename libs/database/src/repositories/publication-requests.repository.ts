import { JobName, QueueName } from '@app/queue';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

/** A publication asked for over HTTP, waiting for the worker or answered with a publication. */
export interface PublicationRequest {
  readonly id: string;
  readonly asOf: string;
  readonly force: boolean;
  readonly requestedBy: string;
  readonly requestedAt: Date;
  /** The publication that answers it: the one it made, or the month's existing one. */
  readonly publicationId: number | null;
  readonly answeredAt: Date | null;
}

interface RequestRow {
  id: string;
  as_of: string;
  force: boolean;
  requested_by: string;
  requested_at: Date;
  publication_id: number | null;
  answered_at: Date | null;
}

const COLUMNS = 'id, as_of, force, requested_by, requested_at, publication_id, answered_at';

const toRequest = (r: RequestRow): PublicationRequest => ({
  id: r.id,
  asOf: r.as_of,
  force: r.force,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  publicationId: r.publication_id,
  answeredAt: r.answered_at,
});

/**
 * `publication_requests`: stored with the outbox job that hands them to the worker, in one statement,
 * so that an acknowledged request is built even if Redis is away when it is made.
 */
export class PublicationRequestsRepository {
  constructor(private readonly db: Transactions) {}

  async create(request: { asOf: string; force: boolean; requestedBy: string }, tx: SqlSession = this.db.pool): Promise<PublicationRequest> {
    const [row] = await tx.query<RequestRow>(
      `WITH r AS (
         INSERT INTO publication_requests (as_of, force, requested_by) VALUES ($1, $2, $3) RETURNING ${COLUMNS}
       ), o AS (
         INSERT INTO outbox (queue, job_name, job_id, payload)
         SELECT '${QueueName.Publications}', '${JobName.PublishRequested}', 'publication-request-' || id,
           json_build_object('requestId', id::text)
         FROM r
       )
       SELECT ${COLUMNS} FROM r`,
      [request.asOf, request.force, request.requestedBy],
    );
    return toRequest(row);
  }

  async find(id: string, tx: SqlSession = this.db.pool): Promise<PublicationRequest | null> {
    const rows = await tx.query<RequestRow>(`SELECT ${COLUMNS} FROM publication_requests WHERE id = $1`, [id]);
    return rows[0] ? toRequest(rows[0]) : null;
  }

  /** The request, locked until the caller's transaction ends: one worker answers it. */
  async lock(id: string, tx: SqlSession): Promise<PublicationRequest | null> {
    const rows = await tx.query<RequestRow>(`SELECT ${COLUMNS} FROM publication_requests WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toRequest(rows[0]) : null;
  }

  /** Records the publication that answers the request, in the transaction that made or found it. */
  async answer(id: string, publicationId: number, tx: SqlSession): Promise<void> {
    await tx.query('UPDATE publication_requests SET publication_id = $2, answered_at = now() WHERE id = $1 AND answered_at IS NULL', [
      id,
      publicationId,
    ]);
  }

  /** Requests still unanswered after `olderThanMs`: their job may have been lost with Redis. */
  async unanswered(olderThanMs: number, tx: SqlSession = this.db.pool): Promise<string[]> {
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM publication_requests
       WHERE answered_at IS NULL AND requested_at < now() - $1 * interval '1 millisecond' ORDER BY requested_at LIMIT 100`,
      [olderThanMs],
    );
    return rows.map((r) => r.id);
  }
}
