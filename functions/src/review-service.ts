import { NotFoundError, reviewSummary, sameScores, type Actor, type ReviewScores } from '@pip/domain';
import { selectionContext } from './selection-service';
import { auditEntry } from './staff-request';
import { getPlatform } from './wiring';

/**
 * Saves a staff member's scores for an application, replacing their earlier ones, with an audit
 * entry saying what changed. The same scores again (a double click) write nothing.
 */
export async function recordReview(areaId: string, applicationId: string, scores: ReviewScores, reviewer: Required<Actor>): Promise<void> {
  const context = await selectionContext(areaId);
  const application = context.applications.find((candidate) => candidate.applicationId === applicationId);
  if (!application) throw new NotFoundError('Application');
  const mine = context.reviews.find((review) => review.applicationId === applicationId && review.staffId === reviewer.staffId);
  if (sameScores(mine, scores)) return;
  const before = mine ? { roleFit: mine.roleFit, partnershipExperience: mine.partnershipExperience, commitment: mine.commitment, note: mine.note } : undefined;
  const platform = getPlatform();
  await platform.reviews.save(
    { ...scores, areaId, applicationId, staffId: reviewer.staffId, staffName: reviewer.name, reviewedAt: platform.clock.now().toISOString() },
    auditEntry(areaId, reviewer, mine ? 'Review changed' : 'Application reviewed', reviewSummary(application.answers.fullName, scores), before, scores),
  );
}
