import type { Ports, WorkflowState } from '@pip/domain';
import { recordStageEntered } from './enter-stage';
import { promptStaff, type PromptPorts } from './prompt-staff';

/** Recruitment has closed: the area moves to selection and staff are asked to approve it. */
export async function proposeSelection(ports: PromptPorts & Pick<Ports, 'applications' | 'progress' | 'audit'>, state: WorkflowState): Promise<WorkflowState> {
  const applications = await ports.applications.listForArea(state.areaId);
  await recordStageEntered(ports, state.areaId, 'selection', `Recruitment closed with ${applications.length} applications`, state.recruitmentClosesAt);
  await promptStaff(
    ports,
    state.areaId,
    'selection',
    'Applications have closed: review and approve the selection',
    [
      `Recruitment has closed with ${applications.length} applications. Review them, check the proposed selection of six plus six and its reasons, name the two leads and approve it.`,
    ],
    'selection',
  );
  return state;
}
