import { ConflictError, progressReviewFromForm, progressReviewSummary, type Actor, type Ports, type ProgressReview } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

/**
 * Staff record a progress review of the action plan's objectives, at a consultancy session or the
 * follow-up review, from the posted form; recording the same occasion again replaces it.
 */
export async function recordProgressReview(
  ports: Pick<Ports, 'actionPlans' | 'progressReviews' | 'clock'>,
  areaId: string,
  posted: Record<string, string | undefined>,
  actor: Actor,
): Promise<ProgressReview> {
  const plan = await ports.actionPlans.get(areaId);
  if (!plan) throw new ConflictError('Record the action plan’s objectives first, when it is agreed', 'occasion');
  const review = progressReviewFromForm(plan, posted, { by: actor.name, at: ports.clock.now().toISOString() });
  await ports.progressReviews.save(review, auditEntry(ports.clock, areaId, actor, 'Progress review recorded', progressReviewSummary(review), undefined, review));
  return review;
}
