import { followUpRules } from '@pip/domain';
import { pathParameter } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { formRoute, formText, formValues } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { isConfirmed } from '../../pages/confirmation-page';
import { followUpDateConfirmation } from '../../pages/consultancy-confirmations';
import type { RouteKeyOf } from '../../routes';
import { confirmFollowUpReview, followUpDateToConfirm } from '../../use-cases/progress-reviews/confirm-follow-up-review';
import { proposeFollowUpReview } from '../../use-cases/progress-reviews/propose-follow-up-review';
import { actorOf, staffView } from '../../kit/staff-auth';
import { done, showConsultancy } from './show-consultancy';

const ports = platformPorts();
const dateNumbers = Array.from({ length: followUpRules.mostDates }, (_, index) => index + 1);

/** Staff propose dates for the group's follow-up review, then confirm one (by default the one most can make) on a confirmation page. */
export const followUpRoutes = {
  'POST /staff/areas/{areaId}/consultancy/follow-up': formRoute(async (event) => {
    const dates = dateNumbers.map((n) => ({
      date: formText(event, `follow-up-${n}-date`),
      start: formText(event, `follow-up-${n}-start`),
      end: formText(event, `follow-up-${n}-end`),
    }));
    await proposeFollowUpReview(ports, pathParameter(event, 'areaId'), { dates, venue: formText(event, 'follow-up-venue') }, actorOf(event));
    return done(event, 'proposed');
  }, showConsultancy),
  'POST /staff/areas/{areaId}/consultancy/follow-up/confirm': formRoute(async (event) => {
    const areaId = pathParameter(event, 'areaId');
    const optionId = formText(event, 'optionId');
    if (!isConfirmed(formValues(event))) {
      const chosen = await followUpDateToConfirm(ports, areaId, optionId);
      return htmlResponse(200, followUpDateConfirmation(staffView(event), { ...chosen, venue: chosen.review.venue }));
    }
    await confirmFollowUpReview(ports, areaId, actorOf(event), optionId);
    return done(event, 'confirmed');
  }, showConsultancy),
} satisfies Partial<Record<RouteKeyOf<'staff-consultancy'>, RouteHandler>>;
