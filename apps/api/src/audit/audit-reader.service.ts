import { Injectable } from '@nestjs/common';
import { AuditEvent, AuditEventsRepository } from '@app/database';
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

function eventView(e: AuditEvent): AuditEventView {
  return {
    at: toLocalIso(e.at),
    actor: { id: e.actorId, name: e.actorName },
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    details: e.receivedAt ? { ...e.details, receivedAt: toLocalIso(e.receivedAt) } : e.details,
  };
}

/** Who did what and when, newest first, from the audit log and the recorded life of each submission. */
@Injectable()
export class AuditReader {
  constructor(private readonly events: AuditEventsRepository) {}

  async list(filter: AuditFilter, page: { limit: number; cursor?: string }): Promise<Page<AuditEventView>> {
    const after = decodeCursor(page.cursor, ['instant', 'text']);
    // Report ids are UUIDs: any other id, or another entity, names no submission.
    const reports = (filter.entity ?? 'report') === 'report' && (filter.id === undefined || isUuid(filter.id));
    const rows = await this.events.page({
      entity: filter.entity,
      entityId: filter.id,
      reports,
      reportId: reports ? (filter.id ?? null) : null,
      after: after as [string, string] | null,
      limit: page.limit + 1,
    });
    return toPage(rows, page.limit, eventView, (e) => [e.cursorAt, e.key]);
  }
}
