import { applicationRows, areaStage, type ApplicationFilters, type AreaApplications, type Ports } from '@pip/domain';

/** An area's applications as staff review them: where the area stands, and its applications filtered. */
export async function areaApplications(
  ports: Pick<Ports, 'areas' | 'applications' | 'reviews' | 'selections' | 'progress' | 'clock'>,
  areaId: string,
  filters: ApplicationFilters,
): Promise<AreaApplications> {
  const [area, applications, reviews, selection, progress] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.listForArea(areaId),
    ports.reviews.listForArea(areaId),
    ports.selections.get(areaId),
    ports.progress.get(areaId),
  ]);
  return {
    area,
    stage: areaStage(area, selection?.status, ports.clock.now(), progress),
    rows: applicationRows(applications, reviews, filters),
    total: applications.length,
  };
}
