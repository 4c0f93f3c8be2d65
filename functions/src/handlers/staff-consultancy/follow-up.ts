import { followUpRules } from '@pip/domain';
import { pathParameter } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { formRoute, formText } from '../../kit/form';
import { platformPorts } from '../../composition-root';
import type { RouteKeyOf } from '../../routes';
import { confirmFollowUpReview } from '../../use-cases/progress-reviews/confirm-follow-up-review';
import { proposeFollowUpReview } from '../../use-cases/progress-reviews/propose-follow-up-review';
import { actorOf } from '../../kit/staff-auth';
import { done, showConsultancy } from './show-consultancy';

const ports = platformPorts();
const dateNumbers = Array.from({ length: followUpRules.mostDates }, (_, index) => index + 1);

/** Staff propose dates for the group's follow-up review, then confirm one: by default the one most can make. */
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
    await confirmFollowUpReview(ports, pathParameter(event, 'areaId'), actorOf(event), formText(event, 'optionId'));
    return done(event, 'confirmed');
  }, showConsultancy),
} satisfies Partial<Record<RouteKeyOf<'staff-consultancy'>, RouteHandler>>;
