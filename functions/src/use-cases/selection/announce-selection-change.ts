import {
  ConcurrentChangeError,
  LOST_RACE,
  selectionSnapshot,
  takeTurns,
  type Actor,
  type Announcement,
  type Application,
  type AreaSelection,
  type DomainError,
  type Ports,
} from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

/** A change answers `already` when the selection already is as asked (a double click): nothing to write. */
export const ALREADY = 'already';

export type AnnouncedChangePorts = Pick<Ports, 'selections' | 'clock' | 'announcements'>;

/** What a change makes of the approved selection, how the timeline words it, and what it announces (whom it emails). */
export interface AnnouncedChange {
  selection: AreaSelection;
  audit: { action: string; summary: string };
  announcement: (version: number) => Announcement;
}

/** The selection and the person a change of their place concerns, as read for it (the selection consistently). */
export interface PlaceRead {
  stored: AreaSelection | undefined;
  person: Application | undefined;
}

/**
 * `read`, except that the first turn takes what the request has read already (a participant's link
 * reads the selection and the person to open), one round trip fewer; a turn after a lost race reads again.
 */
export function readingAgainAfterTheFirstTurn<Context>(already: Context | undefined, read: () => Promise<Context>): () => Promise<Context> {
  let first = already;
  return async () => {
    const context = first;
    first = undefined;
    return context ?? read();
  };
}

/**
 * Applies a change to the approved selection as it stands, writing it with its timeline entry and its
 * announcement in one transaction: the table's stream then sends the change's emails and brings the
 * calendars to the group. `read` reads what the change is decided from (only the records it concerns);
 * when another change lands first, it reads and decides again. `change` answers undefined when it does
 * not apply (then `refusal`, and nothing is written) and `ALREADY` when the selection already is as asked.
 */
export async function announceSelectionChange<Context extends { stored: AreaSelection | undefined }>(
  ports: AnnouncedChangePorts,
  areaId: string,
  actor: Actor,
  refusal: () => DomainError,
  read: () => Promise<Context>,
  change: (approved: AreaSelection, context: Context) => Promise<AnnouncedChange | typeof ALREADY | undefined>,
): Promise<'changed' | typeof ALREADY> {
  return takeTurns(async () => {
    const context = await read();
    const approved = context.stored;
    const changed = approved?.status === 'approved' ? await change(approved, context) : undefined;
    if (!approved || !changed) throw refusal();
    if (changed === ALREADY) return ALREADY;
    const next: AreaSelection = { ...changed.selection, version: approved.version + 1, updatedBy: actor, updatedAt: ports.clock.now().toISOString() };
    const audit = auditEntry(ports.clock, areaId, actor, changed.audit.action, changed.audit.summary, selectionSnapshot(approved), selectionSnapshot(next));
    if (!(await ports.announcements.selectionDecided(next, approved.version, audit, changed.announcement(next.version)))) return LOST_RACE;
    return 'changed' as const;
  }, () => new ConcurrentChangeError('The selection'));
}
