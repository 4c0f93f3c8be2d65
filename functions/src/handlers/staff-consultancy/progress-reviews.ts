import { ValidationError, reviewOccasionOf, type FieldError, type ObjectiveSharingAnswer, type ReviewOccasion } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { formList, formRoute, formText, formValues } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { notices } from '../shared/notices';
import { actorOf, staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { progressReviewPage } from '../../pages/progress-review-page';
import type { RouteKeyOf } from '../../routes';
import { progressReviews } from '../../use-cases/progress-reviews/progress-reviews';
import { recordProgressReview } from '../../use-cases/progress-reviews/record-progress-review';
import { chooseSharedObjectives } from '../../use-cases/library/choose-shared-objectives';

const ports = platformPorts();

async function showReviews(
  event: HttpEvent,
  status: number,
  options: { values?: Record<string, string>; errors?: FieldError[]; notice?: string; occasion: ReviewOccasion; sharing?: Record<string, ObjectiveSharingAnswer> },
) {
  const reviews = await progressReviews(ports, pathParameter(event, 'areaId'));
  return htmlResponse(
    status,
    progressReviewPage(staffView(event), { ...reviews, values: options.values ?? {}, errors: options.errors ?? [], notice: options.notice, occasion: options.occasion, sharing: options.sharing }),
  );
}

const reviewNotices = notices({ saved: 'The progress review is saved.', shared: 'The themes and sharing are saved.' });

/** The sharing form's ticks, objective by objective: `themes-<objectiveId>` (checkboxes) and `share-<objectiveId>`. */
function sharingAnswers(event: HttpEvent): Record<string, ObjectiveSharingAnswer> {
  const ids = Object.keys(formValues(event)).flatMap((name) => /^(?:themes|share)-(.+)$/u.exec(name)?.[1] ?? []);
  return Object.fromEntries([...new Set(ids)].map((id) => [id, { themes: formList(event, `themes-${id}`), shared: formText(event, `share-${id}`) === 'yes' }]));
}

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
  'POST /staff/areas/{areaId}/progress-reviews/sharing': formRoute(
    async (event) => {
      const areaId = pathParameter(event, 'areaId');
      const version = Number.parseInt(formText(event, 'version'), 10);
      await chooseSharedObjectives(ports, areaId, sharingAnswers(event), Number.isSafeInteger(version) ? version : -1, actorOf(event));
      return reviewNotices.redirect(`/staff/areas/${encodeURIComponent(areaId)}/progress-reviews`, 'shared');
    },
    // Answers to correct are shown again as ticked; a plan changed by someone else shows as it now stands.
    (event, status, problem) =>
      showReviews(event, status, {
        errors: problem.errors,
        occasion: 'session-1',
        ...(problem.refusal instanceof ValidationError ? { sharing: sharingAnswers(event) } : {}),
      }),
  ),
} satisfies Partial<Record<RouteKeyOf<'staff-consultancy'>, RouteHandler>>;
