import { pathParameter } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { formRoute, readForm } from '../../kit/form';
import { platformPorts } from '../../composition-root';
import type { RouteKeyOf } from '../../routes';
import { bookSessionForLeads } from '../../use-cases/progress-reviews/book-session-for-leads';
import { publishConsultancySlot } from '../../use-cases/progress-reviews/publish-consultancy-slot';
import { recordSessionHeld } from '../../use-cases/progress-reviews/record-session-held';
import { actorOf } from '../../kit/staff-auth';
import { consultancyNotices, done, showConsultancy } from './show-consultancy';

const ports = platformPorts();
const slotFields = { facilitator: 'text', facilitatorEmail: 'text', date: 'text', start: 'text', end: 'text', mode: 'text', where: 'text' } as const;

/** Staff publish consultancy slots, book a session for the leads, and record a session as held. */
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
} satisfies Partial<Record<RouteKeyOf<'staff-consultancy'>, RouteHandler>>;
