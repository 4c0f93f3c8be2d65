import { randomUUID } from 'node:crypto';
import { pathParameter, type HttpEvent } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { formRoute, formText, formValues, readForm } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { actorOf, staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { isConfirmed } from '../../pages/confirmation-page';
import { reminderConfirmation } from '../../pages/reminder-confirmation';
import type { RouteKeyOf } from '../../routes';
import { markCommentPublishable } from '../../use-cases/evaluation/mark-comment-publishable';
import { evaluationReminderRecipients, remindEvaluation } from '../../use-cases/evaluation/remind-evaluation';
import { reportNotices, showReport } from './reports';

const ports = platformPorts();
const reportOf = (event: HttpEvent) => `/staff/areas/${encodeURIComponent(pathParameter(event, 'areaId'))}/report`;

/** On an area's staff report: remind those who have not evaluated (after a confirmation page), and choose which comments may be published. */
export const evaluationActionRoutes = {
  'POST /staff/areas/{areaId}/report/reminders': formRoute(async (event) => {
    const areaId = pathParameter(event, 'areaId');
    if (!isConfirmed(formValues(event))) {
      const { recipients } = await evaluationReminderRecipients(ports, areaId);
      return htmlResponse(
        200,
        reminderConfirmation(staffView(event), {
          what: 'to evaluate the programme',
          names: recipients.map((to) => to.name),
          action: `${reportOf(event)}/reminders`,
          hidden: { round: randomUUID() },
          cancelHref: reportOf(event),
        }),
      );
    }
    await remindEvaluation(ports, areaId, formText(event, 'round'), actorOf(event));
    return reportNotices.redirect(reportOf(event), 'reminded');
  }, showReport),
  'POST /staff/areas/{areaId}/report/comments': formRoute(async (event) => {
    const choice = readForm(event, { applicationId: 'text', publishable: 'text', version: 'text' });
    const publishable = await markCommentPublishable(ports, pathParameter(event, 'areaId'), choice, actorOf(event));
    return reportNotices.redirect(reportOf(event), publishable ? 'publishable' : 'withdrawn');
  }, showReport),
} satisfies Partial<Record<RouteKeyOf<'staff-reports'>, RouteHandler>>;
