import { applicationsWithReviews, selectionBreaches } from '@pip/domain';
import { pathParameter } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { jsonResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { currentDraft, selectionContext } from '../../use-cases/selection/selection-context';

/** GET /api/staff/areas/{areaId}/applications: each application with its reviews, and which of them count. */
export const listApplications: RouteHandler = async (event) => {
  const context = await selectionContext(platformPorts(), pathParameter(event, 'areaId'));
  const { independentCounts, conflicted } = context.independence;
  // The mean is the selection's: of independent reviews only. Each review says whether it counts.
  const applications = applicationsWithReviews(context.applications, context.reviews).map((application) => ({
    ...application,
    meanScore: context.candidates.find((candidate) => candidate.applicationId === application.applicationId)?.meanScore ?? null,
    independentReviewCount: independentCounts[application.applicationId] ?? 0,
    reviews: application.reviews.map((review) => ({ ...review, independent: !conflicted.some((left) => left.review.applicationId === review.applicationId && left.review.staffId === review.staffId) })),
  }));
  return jsonResponse(200, { areaId: context.area.areaId, applications });
};

/** GET /api/staff/areas/{areaId}/selection: the selection as it stands, the proposal and the rules it breaks. */
export const showSelection: RouteHandler = async (event) => {
  const context = await selectionContext(platformPorts(), pathParameter(event, 'areaId'));
  const draft = currentDraft(context);
  return jsonResponse(200, {
    status: context.stored?.status ?? 'proposal',
    selection: draft,
    proposal: context.proposal,
    breaches: selectionBreaches(draft, context.candidates),
    independentReviewCounts: context.independence.independentCounts,
  });
};
