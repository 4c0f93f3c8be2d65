import type { Ports, WorkflowState } from '@pip/domain';
import { sendOutcomeEmails } from '../selection/send-outcome-emails';
import { recordStageEntered } from './enter-stage';
import { promptStaff, type PromptPorts } from './prompt-staff';

export type SendOutcomesPorts = PromptPorts & Pick<Ports, 'selections' | 'applications' | 'progress' | 'linkTokens' | 'audit'>;

/** Staff approved the selection: every applicant hears the outcome, and the area moves to preparation. */
export async function sendOutcomes(ports: SendOutcomesPorts, state: WorkflowState): Promise<WorkflowState> {
  const area = await ports.areas.existing(state.areaId);
  const [selection, applications] = await Promise.all([ports.selections.get(state.areaId), ports.applications.listForArea(state.areaId)]);
  if (selection?.status !== 'approved') throw new Error(`The selection of ${state.areaId} is not approved`);
  await sendOutcomeEmails(ports, area, selection, applications);
  await recordStageEntered(ports, state.areaId, 'preparation', 'Selection approved and every applicant told');
  await promptStaff(ports, state.areaId, 'preparation', 'Selection approved: visit the area and schedule the workshops', [
    'Record the visit to the area and schedule its four workshops. Every selected participant then receives the briefing and the workshop invitations.',
  ]);
  return state;
}
