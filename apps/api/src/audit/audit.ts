import type { Principal } from '@app/access';
import type { AuditEntry } from '@app/database';

/** The audit entry of an action taken by a caller. */
export function byPrincipal(p: Principal, entry: Omit<AuditEntry, 'actorId' | 'actorName'>): AuditEntry {
  return { ...entry, actorId: p.tokenId, actorName: `${p.role}:${p.name}` };
}
