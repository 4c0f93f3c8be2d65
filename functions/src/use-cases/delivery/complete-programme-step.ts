import { ConflictError, ValidationError, objectivesFromText, programmeSteps, staffStepAuditTitles, staffSteps, type Actor, type Ports, type ProgrammeStep } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { completeStaffStep, type StaffStepPorts } from '../shared/staff-steps';

export type CompleteProgrammeStepPorts = StaffStepPorts & Pick<Ports, 'audit' | 'actionPlans' | 'evaluation'>;

/**
 * Staff record a step the area's workflow waits for: the action plan agreed (with its
 * objectives), the progress reviews done, or the evaluation closed. The workflow then goes on.
 */
export async function completeProgrammeStep(
  ports: CompleteProgrammeStepPorts,
  areaId: string,
  actor: Actor,
  answers: { step: string; objectives: string },
): Promise<ProgrammeStep> {
  const step = programmeSteps.find((candidate) => candidate === answers.step);
  if (!step || !(await ports.staffSteps.isWaiting(areaId, step))) {
    throw new ConflictError('The area is not at that step now. Check its stage and try again.', 'step');
  }
  const objectives = objectivesFromText(answers.objectives);
  if (step === 'action-plan' && objectives.length === 0) throw ValidationError.of('objectives', 'Enter the objectives of the action plan, one per line');
  await ports.audit.record(auditEntry(ports.clock, areaId, actor, staffStepAuditTitles[step], `${staffSteps[step]}: done.`));
  if (step === 'action-plan') {
    await ports.actionPlans.save({
      areaId,
      objectives: objectives.map((text, index) => ({ objectiveId: `objective-${index + 1}`, text })),
      agreedAt: ports.clock.now().toISOString(),
      agreedBy: actor.name,
    });
  }
  if (step === 'evaluation') await ports.evaluation.close(areaId, ports.clock.now().toISOString());
  await completeStaffStep(ports, areaId, step, actor);
  return step;
}
