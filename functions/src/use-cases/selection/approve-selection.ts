import {
  ConflictError,
  LOST_RACE,
  ValidationError,
  takeTurns,
  approvalProblems,
  approvedSelection,
  repeatedApproval,
  selectionAudit,
  selectionChangedUnder,
  selectionSnapshot,
  type Actor,
  type Ports,
  type SelectionDraft,
  type StepDoneWith,
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
 * its announcement that every applicant be told the outcome (the table's stream sends those emails)
 * and the approval step done, in one write; then lets the area's workflow go on. Retrying an approval
 * that went through (the same person, the same selection) writes and sends nothing twice: its
 * announcement went with it.
 */
export async function approveSelection(
  ports: ApproveSelectionPorts,
  areaId: string,
  actor: Actor,
  draft: SelectionDraft,
  editedVersion: number,
): Promise<void> {
  let answerWorkflow: string | undefined;
  await takeTurns(
    async () => {
      // The selection's context and the step the workflow may wait at, in one round trip.
      const [context, stepDone, heldToken] = await Promise.all([
        selectionContext(ports, areaId),
        ports.staffSteps.isDone(areaId, STEP),
        ports.staffSteps.heldToken(areaId, STEP),
      ]);
      const problems = approvalProblems(context.area, draft, context.candidates, ports.clock.now());
      if (problems.length > 0) throw new ValidationError(problems);
      if (repeatedApproval(context.stored, draft, actor)) {
        // Approved already: only a step an older approval left undone is done now.
        if (!stepDone) await completeStaffStep(ports, areaId, STEP, actor);
        return undefined;
      }
      const step: StepDoneWith | undefined = stepDone ? undefined : { step: STEP, by: actor.name, at: ports.clock.now().toISOString(), heldToken };
      if (!(await approve(ports, context, actor, draft, editedVersion, step))) return LOST_RACE;
      answerWorkflow = step?.heldToken;
      return undefined;
    },
    () => new ConflictError('The area’s workflow kept changing while the selection was approved; try again.', 'selection'),
  );
  if (answerWorkflow) await ports.workflow.continue(answerWorkflow);
}

const STEP = 'selection-approval';

/**
 * Writes the approval, its announcement and the step done, or refuses it if the selection was approved
 * or changed by someone else first; false when only the step moved on (the workflow began waiting), to decide again.
 */
async function approve(ports: ApproveSelectionPorts, context: SelectionContext, actor: Actor, draft: SelectionDraft, editedVersion: number, stepDone: StepDoneWith | undefined): Promise<boolean> {
  const { area, stored } = context;
  if (stored?.status === 'approved') throw selectionChangedUnder(stored);
  const next = approvedSelection(area.areaId, draft, context.candidates, actor, editedVersion, ports.clock.now().toISOString());
  const { action, summary } = selectionAudit.approved(draft);
  const audit = auditEntry(ports.clock, area.areaId, actor, action, summary, selectionSnapshot(currentDraft(context)), { ...selectionSnapshot(next), outcomes: next.outcomes });
  const announcement = { kind: 'selection-approved', areaId: area.areaId, version: next.version } as const;
  if (await ports.announcements.selectionDecided(next, editedVersion, audit, announcement, stepDone ? { stepDone } : {})) return true;
  const now = await ports.selections.get(area.areaId);
  if ((now?.version ?? 0) !== editedVersion || now?.status === 'approved') throw selectionChangedUnder(now);
  return false;
}
