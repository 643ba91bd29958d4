import { EntityManager } from 'typeorm';
import { SqlSession } from './sql/sql-session';

export interface AuditEntry {
  readonly actorId?: string | null;
  readonly actorName?: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly details?: Record<string, unknown>;
}

/** Appends one line to the audit log, inside the caller's transaction when given one. */
export async function recordAudit(db: Pick<EntityManager, 'query'> | SqlSession, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_events (actor_id, actor_name, action, entity, entity_id, details) VALUES ($1, $2, $3, $4, $5, $6)`,
    [entry.actorId ?? null, entry.actorName ?? null, entry.action, entry.entity, entry.entityId, JSON.stringify(entry.details ?? {})],
  );
}
