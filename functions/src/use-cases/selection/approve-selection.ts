import {
  ValidationError,
  approvalProblems,
  approvedSelection,
  repeatedApproval,
  selectionAudit,
  selectionChangedUnder,
  selectionSnapshot,
  type Actor,
  type AreaSelection,
  type Ports,
  type SelectionDraft,
} from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { currentDraft, selectionContext, type SelectionContext } from './selection-context';
import { sendOutcomeEmails } from './send-outcome-emails';
import { completeStaffStep } from '../shared/staff-steps';

export type ApproveSelectionPorts = Pick<
  Ports,
  'areas' | 'applications' | 'reviews' | 'staffConnections' | 'declaredConflicts' | 'selections' | 'clock' | 'outbox' | 'delivery' | 'linkTokens' | 'links' | 'staffSteps' | 'workflow'
>;

/**
 * Approves exactly the selection the staff member saw and edited, if nobody changed it since, then
 * tells every applicant the outcome and lets the area's workflow go on. Retrying an approval that
 * went through (the same person, the same selection) sends nothing twice.
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
  const approved = repeatedApproval(context.stored, draft, actor) ?? (await approve(ports, context, actor, draft, editedVersion));
  await sendOutcomeEmails(ports, context.area, approved, context.applications);
  await completeStaffStep(ports, areaId, 'selection-approval', actor);
}

/** Writes the approval, or refuses it if the selection was approved or changed by someone else first. */
async function approve(ports: ApproveSelectionPorts, context: SelectionContext, actor: Actor, draft: SelectionDraft, editedVersion: number): Promise<AreaSelection> {
  const { area, stored } = context;
  if (stored?.status === 'approved') throw selectionChangedUnder(stored);
  const next = approvedSelection(area.areaId, draft, context.candidates, actor, editedVersion, ports.clock.now().toISOString());
  const { action, summary } = selectionAudit.approved(draft);
  const audit = auditEntry(ports.clock, area.areaId, actor, action, summary, selectionSnapshot(currentDraft(context)), { ...selectionSnapshot(next), outcomes: next.outcomes });
  if (!(await ports.selections.write(next, editedVersion, audit))) throw selectionChangedUnder(await ports.selections.get(area.areaId));
  return next;
}
