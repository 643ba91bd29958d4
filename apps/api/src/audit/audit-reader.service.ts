import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { receiptKeySql } from '@app/database';
import { toLocalIso } from '@app/domain';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { isUuid } from '../common/uuid';

export interface AuditEventView {
  at: string;
  /** A token (its id and `role:name`), or the worker for verdicts (id null). */
  actor: { id: string | null; name: string | null };
  action: string;
  entity: string;
  entityId: string;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  entity?: string;
  id?: string;
}

interface Row {
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

// Events written as they happen: tokens, registry, locks, reviews (later publications and emails).
const STORED_EVENTS = `
  SELECT a.at, 'a' || lpad(a.id::text, 19, '0') AS key, a.actor_id, a.actor_name, a.action, a.entity, a.entity_id, a.details,
    NULL::timestamptz AS received_at
  FROM audit_events a
  WHERE ($1::text IS NULL OR a.entity = $1) AND ($2::text IS NULL OR a.entity_id = $2)`;

// Submissions and verdicts are read off the submissions themselves: writing an audit row for each
// would double the writes of the intake and the worker. Each submission yields up to three events:
// received (at stored_at), decided (at processed_at) and, for an accepted revision after the first,
// one supersession at its verdict. Only the instants are gathered from every row; the events of the
// page alone are then spelled out. With a report id, every revision of its enterprise-quarter is
// gathered (one of them may be what superseded it) and the page is cut after spelling them out.
const REPORT_EVENT_INSTANTS = `
  SELECT c.at, c.key, c.row_id, c.step FROM (
    SELECT ev.at, s.id::text || ':' || ev.step AS key, s.id AS row_id, ev.step
    FROM report_submissions s
    CROSS JOIN LATERAL (VALUES (s.stored_at, 1), (s.processed_at, 2), (CASE WHEN s.revision > 1 THEN s.processed_at END, 3)) AS ev(at, step)
    WHERE $4::boolean AND ev.at IS NOT NULL
      AND ($3::uuid IS NULL OR (s.tax_code, s.period) = (SELECT x.tax_code, x.period FROM report_submissions x WHERE x.id = $3))
  ) c
  WHERE $5::timestamptz IS NULL OR (c.at, c.key) < ($5::timestamptz, $6::text)
  ORDER BY c.at DESC, c.key DESC
  LIMIT CASE WHEN $3::uuid IS NULL THEN $7::int END`;

// The revision decided just before an accepted one was current then: the accepted one superseded it,
// unless it was received later and so stayed current, superseding the accepted one at once (a job
// that finished out of order). Actor names follow byPrincipal.
const REPORT_EVENTS = `
  SELECT i.at, i.key,
    CASE i.step WHEN 1 THEN s.submitted_by END AS actor_id,
    CASE i.step WHEN 1 THEN s.filer_role || ':' || t.name ELSE 'worker' END AS actor_name,
    CASE i.step WHEN 1 THEN 'report.received' WHEN 2 THEN CASE WHEN s.revision IS NULL THEN 'report.rejected' ELSE 'report.accepted' END
      ELSE 'report.superseded' END AS action,
    'report' AS entity,
    (CASE WHEN i.step = 3 AND NOT prev.stayed_current THEN prev.id ELSE s.id END)::text AS entity_id,
    jsonb_strip_nulls(CASE i.step
      WHEN 1 THEN jsonb_build_object('taxCode', s.tax_code, 'period', s.period, 'source', s.source, 'batchId', s.batch_id)
      WHEN 2 THEN jsonb_build_object('revision', s.revision, 'late', s.late, 'issues', jsonb_path_query_array(s.issues, '$[*].code'))
      ELSE jsonb_build_object('supersededBy', CASE WHEN prev.stayed_current THEN prev.id ELSE s.id END)
    END) AS details,
    CASE i.step WHEN 1 THEN s.received_at END AS received_at
  FROM (${REPORT_EVENT_INSTANTS}) i
  JOIN report_submissions s ON s.id = i.row_id
  LEFT JOIN api_tokens t ON t.id = s.submitted_by
  LEFT JOIN LATERAL (
    SELECT p.id, ${receiptKeySql('p')} > ${receiptKeySql('s')} AS stayed_current FROM report_submissions p
    WHERE i.step = 3 AND p.tax_code = s.tax_code AND p.period = s.period AND p.revision < s.revision
    ORDER BY ${receiptKeySql('p')} DESC LIMIT 1
  ) prev ON true`;

const EVENTS_SQL = `
  SELECT ev.*, ev.at::text AS cursor_at FROM (
    ${STORED_EVENTS}
    UNION ALL
    SELECT * FROM (${REPORT_EVENTS}) r WHERE $3::uuid IS NULL OR r.entity_id = $3::text
  ) ev
  WHERE $5::timestamptz IS NULL OR (ev.at, ev.key) < ($5::timestamptz, $6::text)
  ORDER BY ev.at DESC, ev.key DESC LIMIT $7`;

function eventView(r: Row): AuditEventView {
  return {
    at: toLocalIso(r.at),
    actor: { id: r.actor_id, name: r.actor_name },
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    details: r.received_at ? { ...r.details, receivedAt: toLocalIso(r.received_at) } : r.details,
  };
}

/** Who did what and when, newest first, from the audit log and the life of each submission. */
@Injectable()
export class AuditReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(filter: AuditFilter, page: { limit: number; cursor?: string }): Promise<Page<AuditEventView>> {
    const [afterAt, afterKey] = decodeCursor(page.cursor, ['instant', 'text']) ?? [null, null];
    // Report ids are UUIDs: any other id, or another entity, names no submission.
    const reports = (filter.entity ?? 'report') === 'report' && (filter.id === undefined || isUuid(filter.id));
    const rows: Row[] = await this.db.query(EVENTS_SQL, [
      filter.entity ?? null, filter.id ?? null, reports ? (filter.id ?? null) : null, reports, afterAt, afterKey, page.limit + 1,
    ]);
    return toPage(rows, page.limit, eventView, (r) => [r.cursor_at, r.key]);
  }
}
