import { applicationRows, areaStage, rosterStatus, type ApplicationFilters, type AreaApplications, type Ports, type RosterStatus } from '@pip/domain';
import { recordedConflicts, reviewIndependence } from '../staff/review-independence';

/** The applications of an area with where each applicant stands, in the roster's words. */
export interface AreaApplicationsWithStatus extends AreaApplications {
  /** By application reference. */
  statuses: Record<string, RosterStatus>;
  /** Reviews left out of the counts and mean scores because their reviewer has a conflict of interest, by application reference. */
  conflictedCounts: Record<string, number>;
}

/**
 * An area's applications as staff review them: where the area stands, and its applications filtered.
 * Each row's review count and mean score are of its independent reviews, as the selection ranks them.
 */
export async function areaApplications(
  ports: Pick<Ports, 'areas' | 'applications' | 'reviews' | 'selections' | 'progress' | 'clock' | 'staffConnections' | 'declaredConflicts'>,
  areaId: string,
  filters: ApplicationFilters,
): Promise<AreaApplicationsWithStatus> {
  const [area, applications, reviews, selection, progress, conflicts] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.listForArea(areaId),
    ports.reviews.listForArea(areaId),
    ports.selections.get(areaId),
    ports.progress.get(areaId),
    recordedConflicts(ports, areaId),
  ]);
  const independence = reviewIndependence(conflicts, area, applications, reviews);
  const conflictedCounts: Record<string, number> = {};
  for (const { review } of independence.conflicted) conflictedCounts[review.applicationId] = (conflictedCounts[review.applicationId] ?? 0) + 1;
  return {
    area,
    stage: areaStage(area, selection?.status, ports.clock.now(), progress),
    rows: applicationRows(applications, independence.independent, filters),
    total: applications.length,
    statuses: Object.fromEntries(applications.map((application) => [application.applicationId, rosterStatus(selection, application.applicationId)])),
    conflictedCounts,
  };
}
