import { platformPorts } from '../composition-root';
import { log } from '../kit/log';
import { runStep, type StepRequest } from '../use-cases/area-workflow/run-workflow-step';

/** Invoked by the area's state machine, one step at a time; the payload names the step. */
export async function handler(request: StepRequest) {
  log('INFO', 'area workflow step', { areaId: request.state?.areaId, step: request.step, staffStep: request.staffStep });
  return runStep(platformPorts(), request);
}
