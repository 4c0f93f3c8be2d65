import { ValidationError, fromUkLocalTime, sessionNumbers, type FieldError, type SessionNumber } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../kit/event';
import { httpHandler } from '../kit/http-handler';
import { htmlResponse, redirect } from '../kit/responses';
import { bookSession, consultancyState, leadsOf, publishSlot, recordSessionHeld } from '../consultancy-service';
import type { FormValues } from '../pages/form-fields';
import { staffConsultancyPage } from '../pages/consultancy-pages';
import { actorOf, staffView } from '../staff-request';

const NOTICES: Record<string, string> = {
  slot: 'The slot is published.',
  booked: 'The session is booked; the leads and the facilitator are emailed.',
  held: 'Recorded as held.',
};

async function render(event: HttpEvent, status: number, options: { values?: FormValues; errors?: FieldError[]; notice?: string } = {}) {
  const areaId = pathParameter(event, 'areaId');
  const [states, leads] = await Promise.all([Promise.all(sessionNumbers.map((session) => consultancyState(areaId, session))), leadsOf(areaId)]);
  return htmlResponse(status, staffConsultancyPage(staffView(event), { states, leads: leads.map((lead) => lead.name), values: options.values ?? {}, errors: options.errors ?? [], notice: options.notice }));
}

const done = (areaId: string, what: string) => redirect(`/staff/areas/${encodeURIComponent(areaId)}/consultancy?done=${what}`);
const sessionOf = (value: string | undefined): SessionNumber | undefined => sessionNumbers.find((session) => String(session) === value);

export const handler = httpHandler({
  kind: 'page',
  body: 'form',
  routes: [
    {
      method: 'GET',
      path: '/staff/areas/{areaId}/consultancy',
      handler: (event) => render(event, 200, { notice: NOTICES[event.queryStringParameters?.done ?? ''] }),
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/consultancy/slots',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const errors: FieldError[] = [];
        const date = (form.date ?? '').trim();
        if (!/^\d{4}-\d{2}-\d{2}$/u.test(date)) errors.push({ field: 'date', message: 'Enter the date of the slot' });
        for (const [field, label] of [['start', 'start'], ['end', 'end']] as const) {
          if (!/^([01]\d|2[0-3]):[0-5]\d$/u.test((form[field] ?? '').trim())) errors.push({ field, message: `Enter the ${label} time, like 10:00` });
        }
        const mode = form.mode === 'online' ? 'online' : 'in-person';
        if (errors.length > 0) return render(event, 400, { values: form, errors });
        try {
          await publishSlot(areaId, {
            facilitator: form.facilitator ?? '',
            facilitatorEmail: form.facilitatorEmail ?? '',
            startsAt: fromUkLocalTime(date, form.start!.trim()),
            endsAt: fromUkLocalTime(date, form.end!.trim()),
            mode,
            where: form.where ?? '',
          }, actorOf(event));
        } catch (error) {
          if (error instanceof ValidationError) return render(event, 400, { values: form, errors: error.fieldErrors });
          throw error;
        }
        return done(areaId, 'slot');
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/consultancy/bookings',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const session = sessionOf(form.session);
        if (!session || !form.slotId) return render(event, 400, { errors: [{ field: 'session', message: 'Choose a time to book' }] });
        const outcome = await bookSession(areaId, session, form.slotId, `${actorOf(event).name} (programme team)`, undefined);
        if (outcome !== 'booked') return render(event, 409, { errors: [{ field: 'session', message: 'That time was just taken, or the session changed. Check the page and try again.' }] });
        return done(areaId, 'booked');
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/consultancy/held',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const session = sessionOf(form.session);
        const notes = (form.notes ?? '').trim().slice(0, 4000);
        if (!session || !(await recordSessionHeld(areaId, session, notes, actorOf(event)))) {
          return render(event, 409, { errors: [{ field: 'session', message: 'A session can be recorded as held once it has started' }] });
        }
        return done(areaId, 'held');
      },
    },
  ],
});
