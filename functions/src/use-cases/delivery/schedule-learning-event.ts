import { ConflictError, regionName, scheduledLearningEvent, type Actor, type LearningEvent, type LearningEventAnswers, type Ports, type RegionId } from '@pip/domain';
import { learningEventInvitation } from '@pip/mail';
import { regionParticipants } from './region-progress';
import { queueAndSend } from '../shared/send-emails';

export type ScheduleLearningEventPorts = Pick<
  Ports,
  'areas' | 'progress' | 'selections' | 'applications' | 'learningEvents' | 'outbox' | 'delivery' | 'clock' | 'settings' | 'links' | 'log'
>;

/**
 * Staff set (or move) the region's learning and mentoring event once every area of the region is
 * complete: every participant of the region gets the invitation, or its update, with a calendar file.
 */
export async function scheduleLearningEvent(ports: ScheduleLearningEventPorts, regionId: RegionId, actor: Actor, answers: LearningEventAnswers): Promise<LearningEvent> {
  const region = await regionParticipants(ports, regionId);
  if (!region.ready) throw new ConflictError('Every area of the region must be complete first', 'date');
  const event = scheduledLearningEvent(regionId, answers, actor.name, await ports.learningEvents.get(regionId));
  await ports.learningEvents.save(event);
  const programmeUrl = ports.links.openAreas();
  await queueAndSend(
    ports,
    region.participants.map((participant) => ({ email: learningEventInvitation(regionName(regionId), event, participant, ports.settings.mailFrom, programmeUrl) })),
  );
  ports.log('INFO', 'learning event scheduled', { regionId, participants: region.participants.length, by: actor.staffId });
  return event;
}
