import { overviewByRegion, type Ports, type RegionOverview } from '@pip/domain';

/** Every area of the programme, region by region: its stage, its applications, and whether its workflow stopped. */
export async function programmeOverview(ports: Pick<Ports, 'areas' | 'applications' | 'selections' | 'progress' | 'clock'>): Promise<RegionOverview[]> {
  const areas = await ports.areas.list();
  const standings = await Promise.all(
    areas.map(async (area) => {
      const [applications, selection, progress] = await Promise.all([
        ports.applications.listForArea(area.areaId),
        ports.selections.get(area.areaId),
        ports.progress.get(area.areaId),
      ]);
      return { area, applications, selection, progress };
    }),
  );
  return overviewByRegion(standings, ports.clock.now());
}
