import { areaStages, type Ports, type WorkflowState } from '@pip/domain';
import { areaWorkflow, timelineEntry } from '../timeline/timeline-entry';
import { promptStaff, type PromptPorts } from './prompt-staff';

/** A step failed after its retries: the area records where it stopped, and staff are alerted to fix it and resume. */
export async function recordFailure(ports: PromptPorts & Pick<Ports, 'progress' | 'log' | 'audit'>, state: WorkflowState): Promise<WorkflowState> {
  const progress = await ports.progress.get(state.areaId);
  const at = ports.clock.now().toISOString();
  const error = `${state.failure?.Error ?? 'Error'}: ${state.failure?.Cause ?? 'unknown'}`.slice(0, 1000);
  if (progress) {
    await ports.progress.save({ ...progress, failure: { at, step: progress.stage, error } });
    await ports.audit.record(
      timelineEntry(ports.clock, state.areaId, {
        kind: 'workflow',
        actor: areaWorkflow,
        action: 'Workflow stopped with an error',
        summary: `The workflow stopped at the ${areaStages[progress.stage]} stage after retrying: ${error}`,
        at,
        entryId: 'workflow-failure',
      }),
    );
  }
  ports.log('ERROR', 'area workflow failed', { areaId: state.areaId, error });
  await promptStaff(ports, state.areaId, `failure-${at}`, 'The area workflow stopped with an error', [
    `The workflow of this area stopped at the ${progress?.stage ?? 'first'} stage after retrying: ${error}`,
    "Fix the cause, then resume the workflow from the area's programme page in the staff console: it passes through the steps already done and tries this one again.",
  ]);
  return state;
}
