import { inputFromForm, reviewSchema, type FieldError } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute, formValues } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse, redirect } from '../../kit/responses';
import { staffOf, staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { applicationPage } from '../../pages/staff-pages';
import { applicationDetail } from '../../use-cases/selection/application-detail';
import { correctApplicantEmail } from '../../use-cases/selection/correct-applicant-email';
import { declareConflict } from '../../use-cases/staff/declare-conflict';
import { recordReview } from '../../use-cases/selection/record-review';
import { notices } from '../shared/notices';

/** The application with the reviewer's form: their stored scores, or what they just sent and what to correct. */
/** What the page says once an address is corrected (a second post of the same correction says it too). */
const correctionNotices = notices({
  'address-corrected': 'The address is corrected.',
  'address-corrected-resent': 'The address is corrected, and the email that did not arrive is sent to it.',
  'address-corrected-wording-gone': 'The address is corrected. The email that did not arrive is too old to send again: send a new link if they need one.',
});

async function detailPage(event: HttpEvent, status: number, sent?: { values: Record<string, string>; errors: FieldError[] }) {
  const detail = await applicationDetail(platformPorts(), pathParameter(event, 'areaId'), pathParameter(event, 'applicationId'), staffOf(event).staffId);
  const stored = detail.mine ? Object.fromEntries(Object.entries(detail.mine).map(([key, value]) => [key, String(value)])) : {};
  // The email form, the review form and the declaration share the page: each gets back what it sent.
  const correcting = sent !== undefined && 'email' in sent.values;
  const declaring = sent !== undefined && 'reason' in sent.values;
  return htmlResponse(
    status,
    applicationPage(staffView(event), {
      ...detail,
      myReview: correcting || declaring ? stored : (sent?.values ?? stored),
      errors: sent?.errors ?? [],
      ...(correcting ? { correctedEmail: sent.values.email } : {}),
      ...(declaring ? { conflictReason: sent.values.reason } : {}),
      ...(sent ? {} : { notice: correctionNotices.of(event) }),
    }),
  );
}

/** GET /staff/areas/{areaId}/applications/{applicationId} */
export const showApplication: RouteHandler = (event) => detailPage(event, 200);

/** POST /staff/areas/{areaId}/applications/{applicationId}/reviews: saves the reviewer's scores, or shows them again with what to correct. */
export const postReview = formRoute(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  const applicationId = pathParameter(event, 'applicationId');
  const { staffId, name } = staffOf(event);
  await recordReview(platformPorts(), areaId, applicationId, inputFromForm(reviewSchema.shape, formValues(event)), { staffId, name });
  return redirect(`/staff/areas/${encodeURIComponent(areaId)}/applications/${encodeURIComponent(applicationId)}#your-review`);
}, detailPage);

/** POST /staff/areas/{areaId}/applications/{applicationId}/email: moves the application to its corrected address and sends again what did not arrive. */
export const postEmailCorrection = formRoute(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  const applicationId = pathParameter(event, 'applicationId');
  const { staffId, name } = staffOf(event);
  const form = formValues(event);
  const corrected = await correctApplicantEmail(platformPorts(), areaId, applicationId, { email: form.email ?? '', ...(form.previous ? { previous: form.previous } : {}), ...(form.failed ? { failed: form.failed } : {}) }, { staffId, name });
  const done = corrected.resent ? 'address-corrected-resent' : corrected.wordingGone ? 'address-corrected-wording-gone' : 'address-corrected';
  return correctionNotices.redirect(`/staff/areas/${encodeURIComponent(areaId)}/applications/${encodeURIComponent(applicationId)}`, done);
}, detailPage);

/** POST /staff/areas/{areaId}/applications/{applicationId}/conflicts: records the reviewer's declared conflict of interest; they may not review it from then on. */
export const postConflictDeclaration = formRoute(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  const applicationId = pathParameter(event, 'applicationId');
  const { staffId, name } = staffOf(event);
  await declareConflict(platformPorts(), areaId, applicationId, formValues(event).reason ?? '', { staffId, name });
  return redirect(`/staff/areas/${encodeURIComponent(areaId)}/applications/${encodeURIComponent(applicationId)}#your-review`);
}, detailPage);
