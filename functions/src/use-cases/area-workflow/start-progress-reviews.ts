import type { Ports, WorkflowState } from '@pip/domain';
import { sendBookingLinks, type SendBookingLinksPorts } from '../progress-reviews/send-booking-links';
import { recordStageEntered } from './enter-stage';
import { promptStaff, type PromptPorts } from './prompt-staff';

export type StartProgressReviewsPorts = SendBookingLinksPorts & PromptPorts & Pick<Ports, 'progress' | 'audit'>;

/** The action plan is agreed: the leads are sent links to book their first consultancy session. */
export async function startProgressReviews(ports: StartProgressReviewsPorts, state: WorkflowState): Promise<WorkflowState> {
  await recordStageEntered(ports, state.areaId, 'progress-reviews', 'Action plan agreed');
  await sendBookingLinks(ports, state.areaId, 1);
  await promptStaff(ports, state.areaId, 'progress-reviews', 'Action plan agreed: progress reviews begin', [
    'The leads will book their two consultancy sessions and the group its follow-up review. Record in the console when the progress reviews are done.',
  ]);
  return state;
}
