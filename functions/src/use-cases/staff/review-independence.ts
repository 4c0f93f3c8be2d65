import {
  conflictsOfInterest,
  independenceOfReviews,
  type ApplicationFacts,
  type Area,
  type ConflictOfInterest,
  type Ports,
  type Review,
  type ReviewIndependence,
} from '@pip/domain';

export type ConflictPorts = Pick<Ports, 'staffConnections' | 'declaredConflicts'>;

/** An area's reviews split by their reviewers' conflicts of interest as recorded now: what counts towards mean scores, and what does not. */
export async function reviewIndependence(
  ports: ConflictPorts,
  area: Pick<Area, 'areaId' | 'name'>,
  applications: readonly ApplicationFacts[],
  reviews: readonly Review[],
): Promise<ReviewIndependence> {
  const [connections, declared] = await Promise.all([ports.staffConnections.list(), ports.declaredConflicts.listForArea(area.areaId)]);
  return independenceOfReviews(area, applications, reviews, connections, declared);
}

/** Why one member of staff may not review one application, from what is recorded now; none when they may. */
export async function conflictsOf(
  ports: ConflictPorts,
  staffId: string,
  area: Pick<Area, 'areaId' | 'name'>,
  application: ApplicationFacts,
): Promise<ConflictOfInterest[]> {
  const [connections, declared] = await Promise.all([ports.staffConnections.get(staffId), ports.declaredConflicts.listForArea(area.areaId)]);
  return conflictsOfInterest(staffId, connections, declared, application, area);
}
