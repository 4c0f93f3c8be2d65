import { pathParameter } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { formRoute, formValues, readForm } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { isConfirmed } from '../../pages/confirmation-page';
import { cancelSessionConfirmation } from '../../pages/consultancy-confirmations';
import type { RouteKeyOf } from '../../routes';
import { bookSessionForLeads } from '../../use-cases/progress-reviews/book-session-for-leads';
import { cancelSessionForLeads, sessionToCancel } from '../../use-cases/progress-reviews/cancel-session-for-leads';
import { publishConsultancySlot } from '../../use-cases/progress-reviews/publish-consultancy-slot';
import { recordSessionHeld } from '../../use-cases/progress-reviews/record-session-held';
import { actorOf, staffView } from '../../kit/staff-auth';
import { consultancyNotices, done, showConsultancy } from './show-consultancy';

const ports = platformPorts();
const slotFields = { facilitator: 'text', facilitatorEmail: 'text', date: 'text', start: 'text', end: 'text', mode: 'text', where: 'text' } as const;

/** Staff publish consultancy slots, book a session for the leads, record a session as held, and cancel one (once confirmed). */
export const sessionRoutes = {
  'GET /staff/areas/{areaId}/consultancy': (event) => showConsultancy(event, 200, { notice: consultancyNotices.of(event) }),
  'POST /staff/areas/{areaId}/consultancy/slots': formRoute(async (event) => {
    await publishConsultancySlot(ports, pathParameter(event, 'areaId'), readForm(event, slotFields), actorOf(event));
    return done(event, 'slot');
  }, showConsultancy),
  'POST /staff/areas/{areaId}/consultancy/bookings': formRoute(async (event) => {
    const form = readForm(event, { session: 'text', slotId: 'text' });
    await bookSessionForLeads(ports, pathParameter(event, 'areaId'), form.session, form.slotId, actorOf(event));
    return done(event, 'booked');
  }, showConsultancy),
  'POST /staff/areas/{areaId}/consultancy/held': formRoute(async (event) => {
    const form = readForm(event, { session: 'text', notes: 'text' });
    await recordSessionHeld(ports, pathParameter(event, 'areaId'), form.session, form.notes, actorOf(event));
    return done(event, 'held');
  }, showConsultancy),
  'POST /staff/areas/{areaId}/consultancy/cancel': formRoute(async (event) => {
    const form = readForm(event, { session: 'text', sequence: 'text' });
    const areaId = pathParameter(event, 'areaId');
    // The button on the consultancy page only asks; the confirmation page's own form cancels.
    if (!isConfirmed(formValues(event))) {
      return htmlResponse(200, cancelSessionConfirmation(staffView(event), await sessionToCancel(ports, areaId, form.session, form.sequence)));
    }
    await cancelSessionForLeads(ports, areaId, form.session, form.sequence, actorOf(event));
    return done(event, 'cancelled');
  }, showConsultancy),
} satisfies Partial<Record<RouteKeyOf<'staff-consultancy'>, RouteHandler>>;
