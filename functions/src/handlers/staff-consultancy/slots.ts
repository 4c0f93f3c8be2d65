import type { FieldError } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { formRoute, formValues, readForm } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { actorOf, staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { isConfirmed } from '../../pages/confirmation-page';
import { slotRemovalConfirmation, slotTimeConfirmation } from '../../pages/consultancy-confirmations';
import { slotPage } from '../../pages/slot-page';
import type { RouteKeyOf } from '../../routes';
import { changeConsultancySlotTime, changeableSlot, consultancySlot, plannedSlotTime } from '../../use-cases/progress-reviews/change-consultancy-slot';
import { removeConsultancySlot } from '../../use-cases/progress-reviews/remove-consultancy-slot';
import { done } from './show-consultancy';

const ports = platformPorts();
const timeFields = { date: 'text', start: 'text', end: 'text', version: 'text', facilitator: 'text' } as const;

/** The slot's page as it stands now, with a refused form's answers and errors. */
async function showSlot(event: HttpEvent, status: number, options: { values?: Record<string, string>; errors?: FieldError[] } = {}) {
  const { area, slot } = await consultancySlot(ports, pathParameter(event, 'areaId'), pathParameter(event, 'slotId'));
  return htmlResponse(status, slotPage(staffView(event), { area, slot, values: options.values ?? {}, errors: options.errors ?? [] }));
}

/** Staff give a slot nobody booked a new time, or remove it, each after a confirmation page. */
export const slotRoutes = {
  'GET /staff/areas/{areaId}/consultancy/slots/{slotId}': (event) => showSlot(event, 200),
  'POST /staff/areas/{areaId}/consultancy/slots/{slotId}': formRoute(async (event) => {
    const [areaId, slotId] = [pathParameter(event, 'areaId'), pathParameter(event, 'slotId')];
    const form = readForm(event, timeFields);
    if (!isConfirmed(formValues(event))) {
      return htmlResponse(200, slotTimeConfirmation(staffView(event), { ...(await plannedSlotTime(ports, areaId, slotId, form)), form }));
    }
    await changeConsultancySlotTime(ports, areaId, slotId, form, actorOf(event));
    return done(event, 'slot-moved');
  }, showSlot),
  'POST /staff/areas/{areaId}/consultancy/slots/{slotId}/remove': formRoute(async (event) => {
    const [areaId, slotId] = [pathParameter(event, 'areaId'), pathParameter(event, 'slotId')];
    const { version } = readForm(event, { version: 'text' });
    if (!isConfirmed(formValues(event))) {
      return htmlResponse(200, slotRemovalConfirmation(staffView(event), await changeableSlot(ports, areaId, slotId, version, 'slot')));
    }
    await removeConsultancySlot(ports, areaId, slotId, version, actorOf(event));
    return done(event, 'slot-removed');
  }, showSlot),
} satisfies Partial<Record<RouteKeyOf<'staff-consultancy'>, RouteHandler>>;
