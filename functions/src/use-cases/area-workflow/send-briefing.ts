import { deliveryEndsAt, type Ports, type WorkflowState } from '@pip/domain';
import { briefing } from '@pip/mail';
import { queueEmails } from '../shared/send-emails';
import { currentGroup, reconcileWorkshopCalendars, type WorkshopCalendarPorts } from '../delivery/workshop-invitations';
import { recordStageEntered } from './enter-stage';
import { scheduledWorkshops } from './scheduled-workshops';

/**
 * Preparation is done: the area enters delivery first, so that from this moment every change (a
 * new schedule, a withdrawal) reconciles the calendars too, however long this step takes; then
 * every participant gets the briefing, and their calendars are brought to the schedule.
 */
export async function sendBriefing(ports: WorkshopCalendarPorts & Pick<Ports, 'areas' | 'workshops' | 'progress' | 'audit'>, state: WorkflowState): Promise<WorkflowState> {
  const area = await ports.areas.existing(state.areaId);
  const [participants, schedule] = await Promise.all([currentGroup(ports, state.areaId), scheduledWorkshops(ports, state.areaId)]);
  await recordStageEntered(ports, state.areaId, 'delivery', `Briefing and workshop invitations sent to the ${participants.length} participants`);
  await queueEmails(
    ports,
    participants.map((participant) => ({ email: briefing(area, participant, schedule.workshops, ports.links.openAreas()) })),
  );
  await reconcileWorkshopCalendars(ports, state.areaId);
  return { ...state, deliveryEndsAt: deliveryEndsAt(schedule) };
}
