import { regionComplete, type Area, type AreaProgress } from '@pip/domain';
import { getPlatform } from './wiring';

/** The areas of a region, where each stands, and whether every one is complete (ready for its learning event). */
export async function regionProgress(regionId: string): Promise<{ areas: Area[]; progress: (AreaProgress | undefined)[]; complete: boolean }> {
  const platform = getPlatform();
  const areas = await platform.areas.listInRegion(regionId);
  const progress = await Promise.all(areas.map((area) => platform.workflow.progress(area.areaId)));
  return { areas, progress, complete: regionComplete(progress) };
}
