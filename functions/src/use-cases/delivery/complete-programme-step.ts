import { ConflictError, ValidationError, objectivesFromText, programmeSteps, staffStepAuditTitles, staffSteps, type Actor, type Ports, type ProgrammeStep, type StaffStepRecord } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

export type CompleteProgrammeStepPorts = Pick<Ports, 'staffSteps' | 'workflow' | 'clock' | 'evaluation'>;

const notAtStep = () => new ConflictError('The area is not at that step now. Check its stage and try again.', 'step');

/**
 * Staff record a step the area's workflow waits for: the action plan agreed (with its
 * objectives), the progress reviews done, or the evaluation closed. What they recorded, its line on
 * the timeline and the step done are one write, taking the token the workflow waits with, which then
 * goes on: a second post, or another staff member at the same moment, finds the step done and changes nothing.
 */
export async function completeProgrammeStep(
  ports: CompleteProgrammeStepPorts,
  areaId: string,
  actor: Actor,
  answers: { step: string; objectives: string },
): Promise<ProgrammeStep> {
  const step = programmeSteps.find((candidate) => candidate === answers.step);
  if (!step) throw notAtStep();
  const [heldToken, survey] = await Promise.all([ports.staffSteps.heldToken(areaId, step), step === 'evaluation' ? ports.evaluation.survey(areaId) : undefined]);
  if (!heldToken) throw notAtStep();
  const objectives = objectivesFromText(answers.objectives);
  if (step === 'action-plan' && objectives.length === 0) throw ValidationError.of('objectives', 'Enter the objectives of the action plan, one per line');
  const at = ports.clock.now().toISOString();
  const record: StaffStepRecord = {
    audit: auditEntry(ports.clock, areaId, actor, staffStepAuditTitles[step], `${staffSteps[step]}: done.`),
    ...(step === 'action-plan'
      ? { actionPlan: { areaId, objectives: objectives.map((text, index) => ({ objectiveId: `objective-${index + 1}`, text })), agreedAt: at, agreedBy: actor.name } }
      : {}),
    ...(survey && !survey.closedAt ? { evaluationClosedAt: at } : {}),
  };
  if (!(await ports.staffSteps.recordDone(areaId, step, { by: actor.name, at }, record, heldToken))) throw notAtStep();
  await ports.workflow.continue(heldToken);
  return step;
}
