import { ConflictError, regionComplete, scheduledLearningEvent, type Actor, type LearningEvent, type LearningEventAnswers, type Ports, type RegionId } from '@pip/domain';

export type ScheduleLearningEventPorts = Pick<Ports, 'areas' | 'progress' | 'learningEvents' | 'announcements' | 'clock' | 'log'>;

/**
 * Staff set (or move) the region's learning and mentoring event once every area of the region is
 * complete. The event is saved with its announcement: the table's stream sends every participant of
 * the region the invitation, or its update, with a calendar file. Only where each area stands is
 * read here, in one batch; who the participants are is the stream's to read.
 */
export async function scheduleLearningEvent(ports: ScheduleLearningEventPorts, regionId: RegionId, actor: Actor, answers: LearningEventAnswers): Promise<LearningEvent> {
  const [areas, previous] = await Promise.all([ports.areas.listInRegion(regionId), ports.learningEvents.get(regionId)]);
  const progress = await ports.progress.getMany(areas.map((area) => area.areaId));
  if (!regionComplete(areas.map((area) => progress.get(area.areaId)))) throw new ConflictError('Every area of the region must be complete first', 'date');
  const event = scheduledLearningEvent(regionId, answers, actor.name, previous);
  await ports.announcements.learningEventScheduled(event, { kind: 'learning-event-scheduled', regionId, sequence: event.sequence }, ports.clock.now().toISOString());
  ports.log('INFO', 'learning event scheduled', { regionId, areas: areas.length, by: actor.staffId });
  return event;
}
