import type { Ports, WorkflowState } from '@pip/domain';
import { recordStageEntered } from './enter-stage';
import { promptStaff, type PromptPorts } from './prompt-staff';

/** The progress reviews are done: the area moves to evaluation until staff close it. */
export async function startEvaluation(ports: PromptPorts & Pick<Ports, 'progress' | 'audit'>, state: WorkflowState): Promise<WorkflowState> {
  await recordStageEntered(ports, state.areaId, 'evaluation', 'Progress reviews done');
  await promptStaff(ports, state.areaId, 'evaluation', 'Progress reviews done: evaluation begins', [
    'Participants were asked to evaluate the programme after the fourth workshop; the area report shows the responses so far. Close the evaluation in the console when it ends: responses are then final.',
  ]);
  return state;
}
