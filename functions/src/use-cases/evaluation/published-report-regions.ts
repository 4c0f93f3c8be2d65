import { regions, type Ports, type Region } from '@pip/domain';

/**
 * The regions whose published evaluation report there is something to read in: those with at least
 * one area, in the programme's order of regions. Only region names leave here, never an area's.
 */
export async function publishedReportRegions(ports: Pick<Ports, 'areas'>): Promise<Region[]> {
  const withAreas = new Set((await ports.areas.list()).map((area) => area.regionId));
  return regions.filter((region) => withAreas.has(region.regionId));
}
