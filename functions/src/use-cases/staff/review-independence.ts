import {
  independenceOfReviews,
  type ApplicationFacts,
  type Area,
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
