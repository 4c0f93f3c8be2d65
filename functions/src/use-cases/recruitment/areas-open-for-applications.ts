import { openAreasByRegion, type Ports, type RegionWithOpenAreas } from '@pip/domain';

/** The areas taking applications now, region by region, for people choosing where to apply. */
export async function areasOpenForApplications(ports: Pick<Ports, 'areas' | 'clock'>): Promise<RegionWithOpenAreas[]> {
  return openAreasByRegion(await ports.areas.list(), ports.clock.now());
}
