import type { Actor, StaffStep } from '@pip/domain';
import { areaWorkflowControl } from './area-workflow-control';
import { auditEntry } from './staff-request';
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

/**
 * Staff fixed what stopped the area's workflow and ask it to go on: a new execution, named after
 * the failure so that a double click starts one, passes through what is done and tries again.
 * False when there is no failure to resume from (someone already resumed it).
 */
export async function resumeAfterFailure(areaId: string, actor: Actor): Promise<boolean> {
  const platform = getPlatform();
  const failure = (await platform.workflow.progress(areaId))?.failure;
  if (!failure) return false;
  await areaWorkflowControl().restart(areaId, failure.at);
  if (!(await platform.workflow.clearFailure(areaId, failure.at))) return false;
  await platform.audit.record(auditEntry(areaId, actor, 'Workflow resumed', `Resumed after it stopped at the ${failure.step} stage: ${failure.error}`, failure, undefined));
  return true;
}
