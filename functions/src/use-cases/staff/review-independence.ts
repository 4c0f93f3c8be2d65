import {
  independenceOfReviews,
  type ApplicationFacts,
  type Area,
  type Ports,
  type Review,
  type ReviewIndependence,
} from '@pip/domain';

export type ConflictPorts = Pick<Ports, 'staffConnections' | 'declaredConflicts'>;

/** The conflicts of interest recorded now: every member of staff's connections, and those declared in the area. */
export interface RecordedConflicts {
  connections: Awaited<ReturnType<ConflictPorts['staffConnections']['list']>>;
  declared: Awaited<ReturnType<ConflictPorts['declaredConflicts']['listForArea']>>;
}

/** Read by the area alone, so beside the area's applications and reviews rather than after them. */
export async function recordedConflicts(ports: ConflictPorts, areaId: string): Promise<RecordedConflicts> {
  const [connections, declared] = await Promise.all([ports.staffConnections.list(), ports.declaredConflicts.listForArea(areaId)]);
  return { connections, declared };
}

/** An area's reviews split by their reviewers' conflicts of interest as recorded now: what counts towards mean scores, and what does not. */
export function reviewIndependence(
  recorded: RecordedConflicts,
  area: Pick<Area, 'areaId' | 'name'>,
  applications: readonly ApplicationFacts[],
  reviews: readonly Review[],
): ReviewIndependence {
  return independenceOfReviews(area, applications, reviews, recorded.connections, recorded.declared);
}
