import { regionComplete, type Application, type Area, type AreaProgress, type Ports, type RegionId } from '@pip/domain';
import { selectedParticipants } from '../shared/participants';

export interface RegionProgress {
  areas: Area[];
  /** Where each area stands, in the order of `areas`. */
  progress: (AreaProgress | undefined)[];
  /** Every area is complete: the region is ready for its learning and mentoring event. */
  complete: boolean;
}

/** The areas of a region, where each stands, and whether every one is complete. */
export async function regionProgress(ports: Pick<Ports, 'areas' | 'progress'>, regionId: RegionId): Promise<RegionProgress> {
  const areas = await ports.areas.listInRegion(regionId);
  const progress = await Promise.all(areas.map((area) => ports.progress.get(area.areaId)));
  return { areas, progress, complete: regionComplete(progress) };
}

export interface RegionParticipants {
  ready: boolean;
  /** The names of the areas still to complete before the learning event. */
  areasToComplete: string[];
  /** The selected participants of every area of the region. */
  participants: Application[];
}

/** Who a region's learning event is for, and whether the region is ready for it. */
export async function regionParticipants(ports: Pick<Ports, 'areas' | 'progress' | 'selections' | 'applications'>, regionId: RegionId): Promise<RegionParticipants> {
  const { areas, progress, complete } = await regionProgress(ports, regionId);
  const participants = (await Promise.all(areas.map((area) => selectedParticipants(ports, area.areaId)))).flat();
  return {
    ready: complete,
    areasToComplete: areas.filter((_, index) => progress[index]?.stage !== 'complete').map((area) => area.name),
    participants,
  };
}
