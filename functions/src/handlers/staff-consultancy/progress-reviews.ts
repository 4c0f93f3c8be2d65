import { reviewOccasionOf, type FieldError, type ReviewOccasion } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { formRoute, formValues } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { notices } from '../shared/notices';
import { actorOf, staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { progressReviewPage } from '../../pages/progress-review-page';
import type { RouteKeyOf } from '../../routes';
import { progressReviews } from '../../use-cases/progress-reviews/progress-reviews';
import { recordProgressReview } from '../../use-cases/progress-reviews/record-progress-review';

const ports = platformPorts();

async function showReviews(event: HttpEvent, status: number, options: { values?: Record<string, string>; errors?: FieldError[]; notice?: string; occasion: ReviewOccasion }) {
  const reviews = await progressReviews(ports, pathParameter(event, 'areaId'));
  return htmlResponse(status, progressReviewPage(staffView(event), { ...reviews, values: options.values ?? {}, errors: options.errors ?? [], notice: options.notice, occasion: options.occasion }));
}

const reviewNotices = notices({ saved: 'The progress review is saved.' });

/** Staff record how each objective of the action plan is going, at each consultancy session and the follow-up review. */
export const progressReviewRoutes = {
  'GET /staff/areas/{areaId}/progress-reviews': (event) => {
    const query = event.queryStringParameters ?? {};
    return showReviews(event, 200, { occasion: reviewOccasionOf(query.occasion), notice: reviewNotices.of(event) });
  },
  'POST /staff/areas/{areaId}/progress-reviews': formRoute(
    async (event) => {
      const areaId = pathParameter(event, 'areaId');
      const review = await recordProgressReview(ports, areaId, formValues(event), actorOf(event));
      return reviewNotices.redirect(`/staff/areas/${encodeURIComponent(areaId)}/progress-reviews?occasion=${review.occasion}`, 'saved');
    },
    (event, status, problem) => showReviews(event, status, { ...problem, occasion: reviewOccasionOf(problem.values.occasion) }),
  ),
} satisfies Partial<Record<RouteKeyOf<'staff-consultancy'>, RouteHandler>>;
