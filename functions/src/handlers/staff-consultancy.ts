import { ValidationError, fromUkLocalTime, sessionNumbers, type FieldError, type SessionNumber } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../kit/event';
import { httpHandler } from '../kit/http-handler';
import { htmlResponse, redirect } from '../kit/responses';
import { bookSession, consultancyState, leadsOf, publishSlot, recordSessionHeld } from '../consultancy-service';
import type { FormValues } from '../pages/form-fields';
import { staffConsultancyPage } from '../pages/consultancy-pages';
import { actorOf, staffView } from '../staff-request';
import { confirmFollowUp, proposeFollowUp } from '../follow-up-service';
import { getPlatform } from '../wiring';

const NOTICES: Record<string, string> = {
  slot: 'The slot is published.',
  booked: 'The session is booked; the leads and the facilitator are emailed.',
  held: 'Recorded as held.',
  proposed: 'The dates are proposed and every participant is asked.',
  confirmed: 'The date is confirmed and everyone is invited.',
};

async function render(event: HttpEvent, status: number, options: { values?: FormValues; errors?: FieldError[]; notice?: string } = {}) {
  const areaId = pathParameter(event, 'areaId');
  const platform = getPlatform();
  const [states, leads, followUp, answers] = await Promise.all([
    Promise.all(sessionNumbers.map((session) => consultancyState(areaId, session))),
    leadsOf(areaId),
    platform.consultancy.followUp(areaId),
    platform.consultancy.followUpAnswers(areaId),
  ]);
  return htmlResponse(
    status,
    staffConsultancyPage(staffView(event), { states, leads: leads.map((lead) => lead.name), followUp, answers, values: options.values ?? {}, errors: options.errors ?? [], notice: options.notice }),
  );
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
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/consultancy/follow-up',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as FormValues;
        const areaId = pathParameter(event, 'areaId');
        const options: { startsAt: Date; endsAt: Date }[] = [];
        const errors: FieldError[] = [];
        for (const n of [1, 2, 3]) {
          const date = (form[`follow-up-${n}-date`] ?? '').trim();
          if (!date && n === 3) continue;
          const start = (form[`follow-up-${n}-start`] ?? '').trim();
          const end = (form[`follow-up-${n}-end`] ?? '').trim();
          if (!/^\d{4}-\d{2}-\d{2}$/u.test(date) || !/^\d{2}:\d{2}$/u.test(start) || !/^\d{2}:\d{2}$/u.test(end)) {
            errors.push({ field: `follow-up-${n}-date`, message: `Enter date ${n} with its start and end times` });
            continue;
          }
          options.push({ startsAt: fromUkLocalTime(date, start), endsAt: fromUkLocalTime(date, end) });
        }
        if (errors.length > 0) return render(event, 400, { values: form, errors });
        try {
          await proposeFollowUp(areaId, options, form['follow-up-venue'] ?? '', actorOf(event));
        } catch (error) {
          if (error instanceof ValidationError) return render(event, 400, { values: form, errors: error.fieldErrors });
          throw error;
        }
        return done(areaId, 'proposed');
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/consultancy/follow-up/confirm',
      handler: async (event) => {
        const areaId = pathParameter(event, 'areaId');
        if (!(await confirmFollowUp(areaId, actorOf(event)))) return render(event, 409, { errors: [{ field: 'follow-up-confirm', message: 'The date is confirmed already, or no dates are proposed' }] });
        return done(areaId, 'confirmed');
      },
    },
  ],
});
