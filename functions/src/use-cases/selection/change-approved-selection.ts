import {
  ConcurrentChangeError,
  LOST_RACE,
  selectionSnapshot,
  takeTurns,
  type Actor,
  type AreaSelection,
  type DomainError,
  type EmailToSend,
  type Ports,
} from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { selectionContext, type SelectionContext } from './selection-context';
import { queueAndSend } from '../shared/send-emails';

export type SelectionChangePorts = Pick<Ports, 'areas' | 'applications' | 'reviews' | 'staffConnections' | 'declaredConflicts' | 'selections' | 'clock' | 'outbox' | 'delivery'>;

/** A change of who holds a place: it also emails personal links and moves workshop invitations. */
export type PlaceChangePorts = SelectionChangePorts & Pick<Ports, 'linkTokens' | 'links' | 'progress' | 'workshops' | 'calendars' | 'consultancy' | 'followUps' | 'settings'>;

/** What a change makes of the approved selection, how the audit log words it, and whom it emails. */
export interface SelectionChange {
  selection: AreaSelection;
  audit: { action: string; summary: string };
  /** Made once the change is stored: a change that lost a race makes no links. */
  emails: () => EmailToSend[];
}

/** A change answers `already` when the selection already is as asked (a double click): nothing to write. */
export const ALREADY = 'already';

/**
 * Applies a change to the approved selection as it stands, then sends the change's emails. When
 * another change lands first, it starts again from the selection as that change left it. `change`
 * answers undefined when it does not apply to the selection; then, as before approval, the
 * change is refused with `refusal` and nothing is written or sent.
 */
export async function changeApprovedSelection(
  ports: SelectionChangePorts,
  areaId: string,
  actor: Actor,
  refusal: () => DomainError,
  change: (approved: AreaSelection, context: SelectionContext) => SelectionChange | typeof ALREADY | undefined,
): Promise<'changed' | typeof ALREADY> {
  return takeTurns(async () => {
    const context = await selectionContext(ports, areaId);
    const approved = context.stored;
    const changed = approved?.status === 'approved' ? change(approved, context) : undefined;
    if (!approved || !changed) throw refusal();
    if (changed === ALREADY) return ALREADY;
    const next: AreaSelection = { ...changed.selection, version: approved.version + 1, updatedBy: actor, updatedAt: ports.clock.now().toISOString() };
    const audit = auditEntry(ports.clock, areaId, actor, changed.audit.action, changed.audit.summary, selectionSnapshot(approved), selectionSnapshot(next));
    if (!(await ports.selections.write(next, approved.version, audit))) return LOST_RACE;
    await queueAndSend(ports, changed.emails());
    return 'changed' as const;
  }, () => new ConcurrentChangeError('The selection'));
}
