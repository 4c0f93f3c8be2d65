import { regionLibrarySummary, regionName, type LearningEventContext, type Ports, type RegionId, type RegionLibrarySummary } from '@pip/domain';
import { actionPlanLibrary } from '../library/action-plan-library';
import { regionParticipants } from './region-progress';

/** What the learning event page of a region shows, with the region's shared objectives by theme for the event to draw on. */
export async function learningEventContext(
  ports: Pick<Ports, 'areas' | 'progress' | 'selections' | 'applications' | 'learningEvents' | 'actionPlans' | 'progressReviews'>,
  regionId: RegionId,
): Promise<LearningEventContext & { library: RegionLibrarySummary }> {
  const [region, event, library] = await Promise.all([
    regionParticipants(ports, regionId),
    ports.learningEvents.get(regionId),
    actionPlanLibrary(ports, { region: regionId }),
  ]);
  return {
    regionId,
    regionName: regionName(regionId),
    ready: region.ready,
    areasToComplete: region.areasToComplete,
    event,
    participants: region.participants.length,
    library: regionLibrarySummary(library),
  };
}
