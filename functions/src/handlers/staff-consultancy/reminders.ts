import { randomUUID } from 'node:crypto';
import { pathParameter, type HttpEvent } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { formRoute, formText, formValues } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { actorOf, staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { isConfirmed } from '../../pages/confirmation-page';
import { reminderConfirmation } from '../../pages/reminder-confirmation';
import type { RouteKeyOf } from '../../routes';
import { followUpReminderRecipients, remindFollowUp } from '../../use-cases/progress-reviews/remind-follow-up';
import { bookingReminderRecipients, remindLeadsToBook } from '../../use-cases/progress-reviews/remind-leads-to-book';
import { done, showConsultancy } from './show-consultancy';

const ports = platformPorts();
const consultancyPage = (event: HttpEvent) => `/staff/areas/${encodeURIComponent(pathParameter(event, 'areaId'))}/consultancy`;

/**
 * Staff remind the leads to book a session, or the group to answer the follow-up dates: the button
 * asks, a confirmation page names who will be emailed and carries a new round id, and its post sends.
 */
export const reminderRoutes = {
  'POST /staff/areas/{areaId}/consultancy/reminders': formRoute(async (event) => {
    const areaId = pathParameter(event, 'areaId');
    const session = formText(event, 'session');
    if (!isConfirmed(formValues(event))) {
      const { recipients } = await bookingReminderRecipients(ports, areaId, session);
      return htmlResponse(
        200,
        reminderConfirmation(staffView(event), {
          what: `to book consultancy session ${session}`,
          names: recipients.map((to) => to.name),
          action: `${consultancyPage(event)}/reminders`,
          hidden: { session, round: randomUUID() },
          cancelHref: `${consultancyPage(event)}#session-${session}`,
        }),
      );
    }
    await remindLeadsToBook(ports, areaId, session, formText(event, 'round'), actorOf(event));
    return done(event, 'reminded');
  }, showConsultancy),
  'POST /staff/areas/{areaId}/consultancy/follow-up/reminders': formRoute(async (event) => {
    const areaId = pathParameter(event, 'areaId');
    if (!isConfirmed(formValues(event))) {
      const { recipients } = await followUpReminderRecipients(ports, areaId);
      return htmlResponse(
        200,
        reminderConfirmation(staffView(event), {
          what: 'to say which of the proposed follow-up review dates suit them',
          names: recipients.map((to) => to.name),
          action: `${consultancyPage(event)}/follow-up/reminders`,
          hidden: { round: randomUUID() },
          cancelHref: consultancyPage(event),
        }),
      );
    }
    await remindFollowUp(ports, areaId, formText(event, 'round'), actorOf(event));
    return done(event, 'reminded');
  }, showConsultancy),
} satisfies Partial<Record<RouteKeyOf<'staff-consultancy'>, RouteHandler>>;
