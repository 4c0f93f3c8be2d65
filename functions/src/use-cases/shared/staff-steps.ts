import type { Actor, Ports, StaffStep } from '@pip/domain';

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
