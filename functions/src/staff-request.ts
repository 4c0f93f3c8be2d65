import { randomUUID } from 'node:crypto';
import type { Actor, AuditEntry } from '@pip/domain';
import type { HttpEvent } from './kit/event';
import type { StaffEvent } from './kit/staff-auth';
import type { StaffView } from './pages/staff-pages';
import { getPlatform } from './wiring';

/** Who is signed in, as pages show them. */
export function staffView(event: HttpEvent): StaffView {
  const { staff, csrfToken } = event as StaffEvent;
  return { name: staff.name, csrfToken };
}

/** Who is acting, as the audit log and stored decisions record them. */
export function actorOf(event: HttpEvent): Actor {
  const { staff } = event as StaffEvent;
  return { staffId: staff.staffId, name: staff.name };
}

export function auditEntry(areaId: string, actor: Actor, action: string, summary: string, before?: unknown, after?: unknown): AuditEntry {
  return { areaId, entryId: randomUUID(), at: getPlatform().clock.now().toISOString(), actor, action, summary, before, after };
}
