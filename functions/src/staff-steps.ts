import type { Actor, StaffStep } from '@pip/domain';
import { areaWorkflowControl } from './area-workflow-control';
import { getPlatform } from './wiring';

/**
 * Staff did what the area's workflow waits for at this step: the fact is stored first, then the
 * waiting execution (if it is waiting yet) is told to go on. Only one caller gets the token.
 */
export async function completeStaffStep(areaId: string, step: StaffStep, actor: Actor): Promise<void> {
  const platform = getPlatform();
  await platform.workflow.markDone(areaId, step, actor.name, platform.clock.now().toISOString());
  const token = await platform.workflow.takeToken(areaId, step);
  if (token) await areaWorkflowControl().continue(token);
}

/** The workflow reached a step that waits for staff: hold its token, or go straight on if staff already acted. */
export async function awaitStaff(areaId: string, step: StaffStep, token: string): Promise<void> {
  const platform = getPlatform();
  await platform.workflow.holdToken(areaId, step, token, platform.clock.now().toISOString());
  if (await platform.workflow.isDone(areaId, step)) {
    const held = await platform.workflow.takeToken(areaId, step);
    if (held) await areaWorkflowControl().continue(held);
  }
}
