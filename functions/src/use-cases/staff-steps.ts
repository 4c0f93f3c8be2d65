import type { Actor, Ports, StaffStep } from '@pip/domain';
import { auditEntry } from './audit-entry';

export type StaffStepPorts = Pick<Ports, 'staffSteps' | 'workflow' | 'clock'>;

/**
 * Staff did what the area's workflow waits for at this step: the fact is stored first, then the
 * waiting execution (if it is waiting yet) is told to go on. Only one caller gets the token.
 */
export async function completeStaffStep(ports: StaffStepPorts, areaId: string, step: StaffStep, actor: Actor): Promise<void> {
  await ports.staffSteps.markDone(areaId, step, actor.name, ports.clock.now().toISOString());
  const token = await ports.staffSteps.take(areaId, step);
  if (token) await ports.workflow.continue(token);
}

/** The workflow reached a step that waits for staff: hold its token, or go straight on if staff already acted. */
export async function awaitStaff(ports: StaffStepPorts, areaId: string, step: StaffStep, token: string): Promise<void> {
  await ports.staffSteps.hold(areaId, step, token, ports.clock.now().toISOString());
  if (await ports.staffSteps.isDone(areaId, step)) {
    const held = await ports.staffSteps.take(areaId, step);
    if (held) await ports.workflow.continue(held);
  }
}

/**
 * Staff fixed what stopped the area's workflow and ask it to go on: a new execution, named after
 * the failure so that a double click starts one, passes through what is done and tries again.
 * False when there is no failure to resume from (someone already resumed it).
 */
export async function resumeAfterFailure(ports: Pick<Ports, 'progress' | 'workflow' | 'audit' | 'clock'>, areaId: string, actor: Actor): Promise<boolean> {
  const failure = (await ports.progress.get(areaId))?.failure;
  if (!failure) return false;
  await ports.workflow.restart(areaId, failure.at);
  if (!(await ports.progress.clearFailure(areaId, failure.at))) return false;
  await ports.audit.record(auditEntry(ports.clock, areaId, actor, 'Workflow resumed', `Resumed after it stopped at the ${failure.step} stage: ${failure.error}`, failure, undefined));
  return true;
}
