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

/** The application with the reviewer's form: their stored scores, or what they just sent and what to correct. */
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
  await correctApplicantEmail(platformPorts(), areaId, applicationId, formValues(event).email ?? '', { staffId, name });
  return redirect(`/staff/areas/${encodeURIComponent(areaId)}/applications/${encodeURIComponent(applicationId)}#email-address`);
}, detailPage);

/** POST /staff/areas/{areaId}/applications/{applicationId}/conflicts: records the reviewer's declared conflict of interest; they may not review it from then on. */
export const postConflictDeclaration = formRoute(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  const applicationId = pathParameter(event, 'applicationId');
  const { staffId, name } = staffOf(event);
  await declareConflict(platformPorts(), areaId, applicationId, formValues(event).reason ?? '', { staffId, name });
  return redirect(`/staff/areas/${encodeURIComponent(areaId)}/applications/${encodeURIComponent(applicationId)}#your-review`);
}, detailPage);
