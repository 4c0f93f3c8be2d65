import {
  bookingAwaited,
  consultancyRules,
  formatUkDate,
  reminderField,
  type ConsultancyOverview,
  type ConsultancySessionState,
  type ConsultancySlot,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, dateInput, errorSummary, formWithCsrf, input, notificationBanner, radios, select, tag, textarea, timeInput } from './components';
import { slotLabel } from './consultancy-pages';
import { followUpSection } from './follow-up-section';
import type { FormState } from './form-fields';
import { page } from './layout';
import { reminderSection } from './reminder-section';
import type { StaffView } from './staff-view';

export type StaffConsultancyView = ConsultancyOverview & FormState;

/** A booked session: record it held once it has started, or cancel it (after a confirmation page) until then. */
function bookedSession(state: ConsultancySessionState, base: string, csrfToken: string): SafeHtml {
  const booking = state.booking!;
  const slot = state.bookedSlot!;
  const session = String(state.session);
  const when = html`<p class="govuk-body">Booked for ${formatUkDate(slot.startsAt)}, ${slotLabel(slot)}, by ${booking.bookedBy}.</p>`;
  if (booking.heldAt) return html`${when}\n<p class="govuk-body">Took place. Notes: ${booking.notes ?? ''}</p>`;
  const held = formWithCsrf({
    action: `${base}/held`,
    csrfToken,
    hidden: { session },
    content: html`${textarea({ name: 'notes', id: `notes-${session}`, label: { text: 'Notes on the action plan’s progress' }, rows: 3 })}
${button({ text: `Record that session ${session} took place`, classes: 'secondary' })}`,
  });
  // Once its time has come the session stays as it happened: it can be recorded as held, nothing else.
  if (state.past) return html`${when}\n<p class="govuk-body">Its time has passed, so it can no longer be moved or cancelled.</p>\n${held}`;
  const cancel = formWithCsrf({
    action: `${base}/cancel`,
    csrfToken,
    hidden: { session, sequence: String(booking.sequence) },
    content: button({ text: `Cancel session ${session}`, classes: 'warning' }),
  });
  return html`${when}\n${held}\n${cancel}`;
}

/** A session not booked: book it for the leads, and remind them to book it. */
function unbookedSession(view: StaffConsultancyView, state: ConsultancySessionState, base: string, csrfToken: string): SafeHtml {
  const session = String(state.session);
  const book =
    state.bookable.length === 0
      ? html`<p class="govuk-body">Not booked; no time can be booked for it now.</p>`
      : formWithCsrf({
          action: `${base}/bookings`,
          csrfToken,
          hidden: { session },
          content: html`${select({
            name: 'slotId',
            id: `book-${session}`,
            label: { text: 'Book for the leads' },
            items: state.bookable.map((slot) => ({ value: slot.slotId, text: `${formatUkDate(slot.startsAt)}, ${slotLabel(slot)}` })),
          })}
${button({ text: `Book session ${session}`, classes: 'secondary' })}`,
        });
  if (!bookingAwaited(view.states, state.session)) return book;
  const kind = `consultancy-${state.session}` as const;
  return html`<p class="govuk-body">Not booked yet: ${view.leads.join(' and ')} ${view.leads.length === 1 ? 'has' : 'have'} not booked it.</p>
${book}
${reminderSection({
  id: reminderField(kind),
  action: `${base}/reminders`,
  csrfToken,
  hidden: { session },
  last: view.reminders[kind],
  canRemind: view.leads.length > 0,
  whom: 'the leads',
})}`;
}

function staffSession(view: StaffConsultancyView, state: ConsultancySessionState, base: string, csrfToken: string): SafeHtml {
  const heading = html`<h2 class="govuk-heading-m" id="session-${String(state.session)}">Session ${state.session}</h2>`;
  const booked = state.booking?.status === 'booked' && state.bookedSlot;
  return html`${heading}\n${booked ? bookedSession(state, base, csrfToken) : unbookedSession(view, state, base, csrfToken)}`;
}

/** Every slot, with a way to change or remove those nobody has booked. */
function slotList(slots: readonly ConsultancySlot[], base: string): SafeHtml {
  if (slots.length === 0) return html`<p class="govuk-body">No slots yet.</p>`;
  return html`<ul class="govuk-list">${slots.map(
    (slot) =>
      html`<li>${formatUkDate(slot.startsAt)}, ${slotLabel(slot)}${
        slot.bookedFor
          ? html` ${tag({ text: `Session ${slot.bookedFor}`, classes: 'govuk-tag--grey' })}`
          : html` <a class="govuk-link" href="${base}/slots/${slot.slotId}">Change or remove<span class="govuk-visually-hidden">
 the slot at ${slotLabel(slot)} on ${formatUkDate(slot.startsAt)}</span></a>`
      }</li>`,
  )}</ul>`;
}

function publishSlotForm(view: StaffConsultancyView, base: string, csrfToken: string, errors: Map<string, string>): SafeHtml {
  const text = (name: string, label: string, type?: 'email') =>
    input({ name, label: { text: label }, value: view.values[name], errorMessage: errors.get(name), type });
  const time = (name: string, label: string, fallback: string) =>
    timeInput({ name, label, value: view.values[name] ?? fallback, errorMessage: errors.get(name) });
  return formWithCsrf({
    action: `${base}/slots`,
    csrfToken,
    content: html`${text('facilitator', 'Facilitator')}
${text('facilitatorEmail', 'Facilitator’s email address', 'email')}
${dateInput({ name: 'date', legend: 'Date', value: view.values.date, errorMessage: errors.get('date') })}
${time('start', 'Start (UK time)', consultancyRules.defaultStartTime)}
${time('end', 'End (UK time)', consultancyRules.defaultEndTime)}
${radios({
  name: 'mode',
  fieldset: { legend: { text: 'How' } },
  classes: 'govuk-radios--small govuk-radios--inline',
  items: [
    { value: 'in-person', text: 'In person' },
    { value: 'online', text: 'Online', id: 'mode-online' },
  ],
  value: view.values.mode ?? 'in-person',
})}
${text('where', 'Place, or the joining link if online')}
${button({ text: 'Publish the slot', preventDoubleClick: true })}`,
  });
}

export function staffConsultancyPage(staff: StaffView, view: StaffConsultancyView): SafeHtml {
  const errors = new Map(view.errors.map((error) => [error.field, error.message]));
  const area = view.states[0]!.area;
  const base = `/staff/areas/${encodeURIComponent(area.areaId)}/consultancy`;
  return page({
    title: `Consultancy sessions, ${area.name}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: `/staff/areas/${encodeURIComponent(area.areaId)}`,
    content: html`${errorSummary(view.errors)}
${notificationBanner({ type: 'success', text: view.notice })}
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Consultancy sessions</h1>
<p class="govuk-body">Leads: ${view.leads.join(' and ') || 'not named yet'}.</p>
${view.states.map((state) => staffSession(view, state, base, staff.csrfToken))}
<h2 class="govuk-heading-m">Follow-up review</h2>
${followUpSection(view, base, staff.csrfToken, errors)}
<h2 class="govuk-heading-m">Slots</h2>
${slotList(view.states[0]!.slots, base)}
<h2 class="govuk-heading-m">Publish a slot</h2>
${publishSlotForm(view, base, staff.csrfToken, errors)}`,
  });
}
