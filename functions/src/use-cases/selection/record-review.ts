import {
  ConflictOfInterestError,
  NotFoundError,
  conflictsOfInterest,
  parseInput,
  reviewAction,
  reviewSchema,
  reviewSummary,
  sameScores,
  scoresOf,
  type Actor,
  type Ports,
} from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

/**
 * Saves a staff member's scores for an application, replacing their earlier ones, with an audit
 * entry saying what changed. The same scores again (a double click) write nothing. A reviewer with
 * a conflict of interest by the rule (their organisation, their areas, their own declaration) is
 * refused with the reasons, whatever their form looked like.
 */
export async function recordReview(
  ports: Pick<Ports, 'areas' | 'applications' | 'reviews' | 'clock' | 'staffConnections' | 'declaredConflicts'>,
  areaId: string,
  applicationId: string,
  input: unknown,
  reviewer: Required<Actor>,
): Promise<void> {
  // One wave: the application and its reviews only, not the area's, beside what could stand in the reviewer's way.
  const [area, application, reviews, connections, declared] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.findByReferenceToShow(areaId, applicationId),
    ports.reviews.listForApplication(areaId, applicationId),
    ports.staffConnections.get(reviewer.staffId),
    ports.declaredConflicts.listForArea(areaId),
  ]);
  if (!application) throw new NotFoundError('Application');
  const conflicts = conflictsOfInterest(reviewer.staffId, connections, declared, application, area);
  if (conflicts.length > 0) throw new ConflictOfInterestError(conflicts);
  const scores = parseInput(reviewSchema, input);
  const mine = reviews.find((review) => review.staffId === reviewer.staffId);
  if (sameScores(mine, scores)) return;
  await ports.reviews.save(
    { ...scores, areaId, applicationId, staffId: reviewer.staffId, staffName: reviewer.name, reviewedAt: ports.clock.now().toISOString() },
    auditEntry(ports.clock, areaId, reviewer, reviewAction(mine), reviewSummary(application.answers.fullName, scores), mine && scoresOf(mine), scores),
  );
}
