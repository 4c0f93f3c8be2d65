import { applicationsWithReviews, selectionBreaches } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../kit/event';
import { jsonResponse } from '../kit/responses';
import { platformPorts } from '../composition-root';
import { currentDraft, selectionContext } from '../use-cases/selection/selection-context';
import { jsonHandler } from './shared/page-handler';

/** The staff console's facts as JSON, for staff tools; bearer tokens only. */
export const handler = jsonHandler('staff-api', {
  'GET /api/staff/areas/{areaId}/applications': async (event: HttpEvent) => {
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
  },
  'GET /api/staff/areas/{areaId}/selection': async (event: HttpEvent) => {
    const context = await selectionContext(platformPorts(), pathParameter(event, 'areaId'));
    const draft = currentDraft(context);
    return jsonResponse(200, {
      status: context.stored?.status ?? 'proposal',
      selection: draft,
      proposal: context.proposal,
      breaches: selectionBreaches(draft, context.candidates),
      independentReviewCounts: context.independence.independentCounts,
    });
  },
});
