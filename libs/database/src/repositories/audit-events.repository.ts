import { EntityManager } from 'typeorm';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

export interface AuditEntry {
  readonly actorId?: string | null;
  readonly actorName?: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly details?: Record<string, unknown>;
}

/** An event of the log as read: written as it happened, or read off a submission's recorded life. */
export interface AuditEvent {
  readonly at: Date;
  /** `at` as text, to the microsecond, and a key that orders events of one instant: together, a page's cursor. */
  readonly cursorAt: string;
  readonly key: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly details: Record<string, unknown>;
  /** For a report received: when it reached the board (a paper form's stamp may be earlier than the event). */
  readonly receivedAt: Date | null;
}

export interface AuditPageQuery {
  readonly entity?: string;
  readonly entityId?: string;
  /** Whether the events of submissions are read too, and of which one (a uuid) if `entityId` names one. */
  readonly reports: boolean;
  readonly reportId: string | null;
  /** The cursor of the last event of the previous page. */
  readonly after: readonly [at: string, key: string] | null;
  /** Events to read: a page and one more, to tell whether another page follows. */
  readonly limit: number;
}

/** Appends one line to the audit log, inside the caller's transaction when given one. */
export async function recordAudit(db: Pick<EntityManager, 'query'> | SqlSession, entry: AuditEntry): Promise<void> {
  await db.query(`INSERT INTO audit_events (actor_id, actor_name, action, entity, entity_id, details) VALUES ($1, $2, $3, $4, $5, $6)`, [
    entry.actorId ?? null,
    entry.actorName ?? null,
    entry.action,
    entry.entity,
    entry.entityId,
    JSON.stringify(entry.details ?? {}),
  ]);
}

// Events written as they happen: tokens, registry, locks, reviews, publications and emails.
const STORED_EVENTS = `
  SELECT a.at, 'a' || lpad(a.id::text, 19, '0') AS key, a.actor_id, a.actor_name, a.action, a.entity, a.entity_id, a.details,
    NULL::timestamptz AS received_at
  FROM audit_events a
  WHERE ($1::text IS NULL OR a.entity = $1) AND ($2::text IS NULL OR a.entity_id = $2)`;

// Submissions and verdicts are read off the submissions themselves: writing an audit row for each
// would double the writes of the intake and the worker. Each submission yields up to three events, each
// a fact its row records: received (at stored_at), decided (at processed_at) and superseded (at
// superseded_at, by superseded_by, both written by the verdict that decided it). Only the instants are
// gathered from every row; the events of the page alone are then spelled out.
const REPORT_EVENT_INSTANTS = `
  SELECT c.at, c.key, c.row_id, c.step FROM (
    SELECT ev.at, s.id::text || ':' || ev.step AS key, s.id AS row_id, ev.step
    FROM report_submissions s
    CROSS JOIN LATERAL (VALUES (s.stored_at, 1), (s.processed_at, 2), (s.superseded_at, 3)) AS ev(at, step)
    WHERE $4::boolean AND ev.at IS NOT NULL AND ($3::uuid IS NULL OR s.id = $3)
  ) c
  WHERE $5::timestamptz IS NULL OR (c.at, c.key) < ($5::timestamptz, $6::text)
  ORDER BY c.at DESC, c.key DESC
  LIMIT $7`;

// Actor names follow those of the events written by the api: `role:name` of the token.
const REPORT_EVENTS = `
  SELECT i.at, i.key,
    CASE i.step WHEN 1 THEN s.submitted_by END AS actor_id,
    CASE i.step WHEN 1 THEN s.filer_role || ':' || t.name ELSE 'worker' END AS actor_name,
    CASE i.step WHEN 1 THEN 'report.received' WHEN 2 THEN CASE WHEN s.revision IS NULL THEN 'report.rejected' ELSE 'report.accepted' END
      ELSE 'report.superseded' END AS action,
    'report' AS entity,
    s.id::text AS entity_id,
    jsonb_strip_nulls(CASE i.step
      WHEN 1 THEN jsonb_build_object('taxCode', s.tax_code, 'period', s.period, 'source', s.source, 'batchId', s.batch_id)
      WHEN 2 THEN jsonb_build_object('revision', s.revision, 'late', s.late, 'issues', jsonb_path_query_array(s.issues, '$[*].code'))
      ELSE jsonb_build_object('supersededBy', s.superseded_by)
    END) AS details,
    CASE i.step WHEN 1 THEN s.received_at END AS received_at
  FROM (${REPORT_EVENT_INSTANTS}) i
  JOIN report_submissions s ON s.id = i.row_id
  LEFT JOIN api_tokens t ON t.id = s.submitted_by`;

const EVENTS_SQL = `
  SELECT ev.*, ev.at::text AS cursor_at FROM (
    ${STORED_EVENTS}
    UNION ALL
    ${REPORT_EVENTS}
  ) ev
  WHERE $5::timestamptz IS NULL OR (ev.at, ev.key) < ($5::timestamptz, $6::text)
  ORDER BY ev.at DESC, ev.key DESC LIMIT $7`;

interface EventRow {
  at: Date;
  cursor_at: string;
  key: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  details: Record<string, unknown>;
  received_at: Date | null;
}

const toEvent = (r: EventRow): AuditEvent => ({
  at: r.at,
  cursorAt: r.cursor_at,
  key: r.key,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  details: r.details,
  receivedAt: r.received_at,
});

/** `audit_events` and the life of each submission: who did what and when, newest first. */
export class AuditEventsRepository {
  constructor(private readonly db: Transactions) {}

  async page(q: AuditPageQuery, tx: SqlSession = this.db.pool): Promise<AuditEvent[]> {
    const [afterAt, afterKey] = q.after ?? [null, null];
    const params = [q.entity ?? null, q.entityId ?? null, q.reportId, q.reports, afterAt, afterKey, q.limit];
    const rows = await tx.query<EventRow>(EVENTS_SQL, params);
    return rows.map(toEvent);
  }
}
