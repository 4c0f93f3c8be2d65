import { isPseudonymised, regionComplete, type Application, type Area, type AreaProgress, type Ports, type RegionId } from '@pip/domain';
import { participantsOf } from '../shared/participants';

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
  return progressOf(areas, await ports.progress.getMany(areas.map((area) => area.areaId)));
}

function progressOf(areas: Area[], byArea: Map<string, AreaProgress>): RegionProgress {
  const progress = areas.map((area) => byArea.get(area.areaId));
  return { areas, progress, complete: regionComplete(progress) };
}

export interface RegionParticipants {
  ready: boolean;
  /** The names of the areas still to complete before the learning event. */
  areasToComplete: string[];
  /** The selected participants of every area of the region, but those the retention schedule replaced by a pseudonym. */
  participants: Application[];
}

/** Who a region's learning event is for, and whether the region is ready for it. */
export async function regionParticipants(ports: Pick<Ports, 'areas' | 'progress' | 'selections' | 'applications'>, regionId: RegionId): Promise<RegionParticipants> {
  // Two waves: the region's areas, then their progress and selections in one batch each, beside each area's applications.
  const found = await ports.areas.listInRegion(regionId);
  const areaIds = found.map((area) => area.areaId);
  const [byArea, selections, ...applications] = await Promise.all([
    ports.progress.getMany(areaIds),
    ports.selections.getMany(areaIds),
    ...areaIds.map((areaId) => ports.applications.listForArea(areaId)),
  ]);
  const { areas, progress, complete } = progressOf(found, byArea);
  // Someone the retention schedule has replaced by a pseudonym (an area long complete) is nobody to invite or list.
  const participants = areaIds.flatMap((areaId, index) => participantsOf(selections.get(areaId), applications[index] ?? [])).filter((participant) => !isPseudonymised(participant));
  return {
    ready: complete,
    areasToComplete: areas.filter((_, index) => progress[index]?.stage !== 'complete').map((area) => area.name),
    participants,
  };
}
