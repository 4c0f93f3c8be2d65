import { regionName, type LearningEventContext, type Ports, type RegionId } from '@pip/domain';
import { regionParticipants } from './region-progress';

/** What the learning event page of a region shows. */
export async function learningEventContext(ports: Pick<Ports, 'areas' | 'progress' | 'selections' | 'applications' | 'learningEvents'>, regionId: RegionId): Promise<LearningEventContext> {
  const [region, event] = await Promise.all([regionParticipants(ports, regionId), ports.learningEvents.get(regionId)]);
  return { regionId, regionName: regionName(regionId), ready: region.ready, areasToComplete: region.areasToComplete, event, participants: region.participants.length };
}
