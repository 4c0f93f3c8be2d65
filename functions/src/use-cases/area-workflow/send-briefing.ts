import { deliveryEndsAt, type Ports, type WorkflowState } from '@pip/domain';
import { briefing } from '@pip/mail';
import { queueAndSend } from '../shared/send-emails';
import { groupWithStints, sendWorkshopEmails, type WorkshopEmailPorts } from '../delivery/workshop-invitations';
import { recordStageEntered } from './enter-stage';
import { scheduledWorkshops } from './scheduled-workshops';

/**
 * Preparation is done: every selected participant gets the briefing and an invitation to each
 * workshop, and the area moves to delivery until the last workshop ends.
 */
export async function sendBriefing(
  ports: WorkshopEmailPorts & Pick<Ports, 'areas' | 'selections' | 'applications' | 'workshops' | 'progress'>,
  state: WorkflowState,
): Promise<WorkflowState> {
  const area = await ports.areas.existing(state.areaId);
  const [{ participants, stintOf }, schedule] = await Promise.all([groupWithStints(ports, state.areaId), scheduledWorkshops(ports, state.areaId)]);
  await queueAndSend(
    ports,
    participants.map((participant) => ({ email: briefing(area, participant, schedule.workshops, ports.links.openAreas()) })),
  );
  await sendWorkshopEmails(ports, area, participants, schedule, undefined, stintOf);
  await recordStageEntered(ports, state.areaId, 'delivery', `Briefing and workshop invitations sent to ${participants.length} participants`);
  return { ...state, deliveryEndsAt: deliveryEndsAt(schedule) };
}
