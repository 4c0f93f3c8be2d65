import { applicationRows, areaStage, rosterStatus, type ApplicationFilters, type AreaApplications, type Ports, type RosterStatus } from '@pip/domain';

/** The applications of an area with where each applicant stands, in the roster's words. */
export interface AreaApplicationsWithStatus extends AreaApplications {
  /** By application reference. */
  statuses: Record<string, RosterStatus>;
}

/** An area's applications as staff review them: where the area stands, and its applications filtered. */
export async function areaApplications(
  ports: Pick<Ports, 'areas' | 'applications' | 'reviews' | 'selections' | 'progress' | 'clock'>,
  areaId: string,
  filters: ApplicationFilters,
): Promise<AreaApplicationsWithStatus> {
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
    statuses: Object.fromEntries(applications.map((application) => [application.applicationId, rosterStatus(selection, application.applicationId)])),
  };
}
