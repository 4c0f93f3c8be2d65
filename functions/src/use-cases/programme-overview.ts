import { overviewByRegion, type Ports, type RegionOverview } from '@pip/domain';

/**
 * Every area of the programme, region by region: its stage, its applications, and whether its
 * workflow stopped. The selections and progress of every area are two batch reads, side by side
 * with each area's applications (still one query per area, read to count them).
 */
export async function programmeOverview(ports: Pick<Ports, 'areas' | 'applications' | 'selections' | 'progress' | 'clock'>): Promise<RegionOverview[]> {
  const areas = await ports.areas.list();
  const areaIds = areas.map((area) => area.areaId);
  const [applications, selections, progress] = await Promise.all([
    Promise.all(areaIds.map((areaId) => ports.applications.listForArea(areaId))),
    ports.selections.getMany(areaIds),
    ports.progress.getMany(areaIds),
  ]);
  const standings = areas.map((area, i) => ({ area, applications: applications[i]!, selection: selections.get(area.areaId), progress: progress.get(area.areaId) }));
  return overviewByRegion(standings, ports.clock.now());
}
