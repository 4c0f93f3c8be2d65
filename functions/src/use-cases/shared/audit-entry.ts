import { randomUUID } from 'node:crypto';
import type { Actor, AuditEntry, Clock } from '@pip/domain';

/** A new entry for an area's audit log, stamped now; stores write it with the change it records. */
export function auditEntry(clock: Clock, areaId: string, actor: Actor, action: string, summary: string, before?: unknown, after?: unknown): AuditEntry {
  return { areaId, entryId: randomUUID(), at: clock.now().toISOString(), actor, action, summary, before, after };
}
