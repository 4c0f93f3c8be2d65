import { recruitmentState, type Ports } from '@pip/domain';
import { completeStaffStep } from '../shared/staff-steps';

export type StartAreaWorkflowsPorts = Pick<Ports, 'areas' | 'progress' | 'selections' | 'staffSteps' | 'workflow' | 'clock' | 'log'>;

/**
 * Runs every few minutes. Each area whose recruitment has opened gets its one workflow execution
 * (an area already under way is left as it is), and an approval that stopped part-way (stored, but
 * the request died before telling the workflow) is completed here: the platform finishes it, not
 * the person clicking again.
 */
export async function startAreaWorkflows(ports: StartAreaWorkflowsPorts): Promise<{ started: number; approvalsCompleted: number }> {
  const now = ports.clock.now();
  let started = 0;
  let approvalsCompleted = 0;
  for (const area of await ports.areas.list()) {
    if (recruitmentState(area, now) === 'not-open-yet') continue;
    const progress = await ports.progress.get(area.areaId);
    if (!progress) {
      await ports.workflow.start(area.areaId);
      started += 1;
      continue;
    }
    if (progress.stage !== 'selection' || (await ports.staffSteps.isDone(area.areaId, 'selection-approval'))) continue;
    const selection = await ports.selections.get(area.areaId);
    if (selection?.status !== 'approved') continue;
    await completeStaffStep(ports, area.areaId, 'selection-approval', selection.approvedBy ?? selection.updatedBy);
    approvalsCompleted += 1;
  }
  if (started + approvalsCompleted > 0) ports.log('INFO', 'area workflows started or continued', { started, approvalsCompleted });
  return { started, approvalsCompleted };
}
