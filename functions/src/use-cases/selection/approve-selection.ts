import {
  ValidationError,
  approvalProblems,
  approvedSelection,
  repeatedApproval,
  selectionAudit,
  selectionChangedUnder,
  selectionSnapshot,
  type Actor,
  type Ports,
  type SelectionDraft,
} from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { currentDraft, selectionContext, type SelectionContext } from './selection-context';
import { completeStaffStep } from '../shared/staff-steps';

export type ApproveSelectionPorts = Pick<
  Ports,
  'areas' | 'applications' | 'reviews' | 'staffConnections' | 'declaredConflicts' | 'selections' | 'clock' | 'announcements' | 'staffSteps' | 'workflow'
>;

/**
 * Approves exactly the selection the staff member saw and edited, if nobody changed it since, with
 * its announcement that every applicant be told the outcome (the table's stream sends those emails),
 * then lets the area's workflow go on. Retrying an approval that went through (the same person, the
 * same selection) writes and sends nothing twice: its announcement went with it.
 */
export async function approveSelection(
  ports: ApproveSelectionPorts,
  areaId: string,
  actor: Actor,
  draft: SelectionDraft,
  editedVersion: number,
): Promise<void> {
  const context = await selectionContext(ports, areaId);
  const problems = approvalProblems(context.area, draft, context.candidates, ports.clock.now());
  if (problems.length > 0) throw new ValidationError(problems);
  if (!repeatedApproval(context.stored, draft, actor)) await approve(ports, context, actor, draft, editedVersion);
  await completeStaffStep(ports, areaId, 'selection-approval', actor);
}

/** Writes the approval and its announcement, or refuses it if the selection was approved or changed by someone else first. */
async function approve(ports: ApproveSelectionPorts, context: SelectionContext, actor: Actor, draft: SelectionDraft, editedVersion: number): Promise<void> {
  const { area, stored } = context;
  if (stored?.status === 'approved') throw selectionChangedUnder(stored);
  const next = approvedSelection(area.areaId, draft, context.candidates, actor, editedVersion, ports.clock.now().toISOString());
  const { action, summary } = selectionAudit.approved(draft);
  const audit = auditEntry(ports.clock, area.areaId, actor, action, summary, selectionSnapshot(currentDraft(context)), { ...selectionSnapshot(next), outcomes: next.outcomes });
  const announcement = { kind: 'selection-approved', areaId: area.areaId, version: next.version } as const;
  if (!(await ports.announcements.selectionDecided(next, editedVersion, audit, announcement))) throw selectionChangedUnder(await ports.selections.get(area.areaId));
}
