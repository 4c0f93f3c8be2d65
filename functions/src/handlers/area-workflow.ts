import { countingWorkflowSteps } from '../adapters/platform-metrics';
import { platformPorts } from '../composition-root';
import { log } from '../kit/log';
import { observedFunction } from '../kit/observe';
import { runStep, type StepRequest } from '../use-cases/area-workflow/run-workflow-step';

/**
 * Invoked by the area's state machine, one step at a time; the payload names the step. Each step done
 * is counted, and so is a failure alert that could not be queued (the step still fails).
 */
export const handler = observedFunction(async (request: StepRequest) => {
  log('INFO', 'area workflow step', { areaId: request.state?.areaId, step: request.step, staffStep: request.staffStep });
  const platform = platformPorts();
  return countingWorkflowSteps((step: StepRequest) => runStep(platform, step), platform.metrics)(request);
});
