import {
  ConflictOfInterestError,
  NotFoundError,
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
import { conflictsOf } from '../staff/review-independence';

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
  const [area, applications, reviews] = await Promise.all([
    ports.areas.existing(areaId),
    ports.applications.listForArea(areaId),
    ports.reviews.listForArea(areaId),
  ]);
  const application = applications.find((candidate) => candidate.applicationId === applicationId);
  if (!application) throw new NotFoundError('Application');
  const conflicts = await conflictsOf(ports, reviewer.staffId, area, application);
  if (conflicts.length > 0) throw new ConflictOfInterestError(conflicts);
  const scores = parseInput(reviewSchema, input);
  const mine = reviews.find((review) => review.applicationId === applicationId && review.staffId === reviewer.staffId);
  if (sameScores(mine, scores)) return;
  await ports.reviews.save(
    { ...scores, areaId, applicationId, staffId: reviewer.staffId, staffName: reviewer.name, reviewedAt: ports.clock.now().toISOString() },
    auditEntry(ports.clock, areaId, reviewer, reviewAction(mine), reviewSummary(application.answers.fullName, scores), mine && scoresOf(mine), scores),
  );
}
