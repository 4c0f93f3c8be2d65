import { draftSelection, selectionAudit, selectionChangedUnder, selectionSnapshot, type Actor, type Ports, type SelectionDraft } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { currentDraft, selectionContext } from './selection-context';

/**
 * Saves staff's edit of the selection, if nobody changed it since they loaded `editedVersion`.
 * Once approved the selection is locked: a save then is refused, and nothing is written.
 */
export async function saveSelectionDraft(
  ports: Pick<Ports, 'areas' | 'applications' | 'reviews' | 'staffConnections' | 'declaredConflicts' | 'selections' | 'clock'>,
  areaId: string,
  actor: Actor,
  draft: SelectionDraft,
  editedVersion: number,
): Promise<void> {
  const context = await selectionContext(ports, areaId);
  if (context.stored?.status === 'approved') throw selectionChangedUnder(context.stored);
  const next = draftSelection(areaId, draft, actor, editedVersion, ports.clock.now().toISOString());
  const { action, summary } = selectionAudit.edited();
  const audit = auditEntry(ports.clock, areaId, actor, action, summary, selectionSnapshot(currentDraft(context)), selectionSnapshot(next));
  if (!(await ports.selections.write(next, editedVersion, audit))) throw selectionChangedUnder(await ports.selections.get(areaId));
}
