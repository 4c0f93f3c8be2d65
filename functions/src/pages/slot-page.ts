import { formatUkDate, formatUkTime, ukClockTimeOf, ukDateOf, type Area, type ConsultancySlot } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, dateInput, errorSummary, formWithCsrf, summaryList, timeInput, twoThirds } from './components';
import { slotLabel } from './consultancy-pages';
import type { FormState } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-view';

export interface SlotPageView extends FormState {
  area: Area;
  slot: ConsultancySlot;
}

/** One consultancy slot for staff: give it a new time or remove it while nobody has booked it. */
export function slotPage(staff: StaffView, view: SlotPageView): SafeHtml {
  const { area, slot } = view;
  const errors = new Map(view.errors.map((error) => [error.field, error.message]));
  const consultancy = `/staff/areas/${encodeURIComponent(area.areaId)}/consultancy`;
  const action = `${consultancy}/slots/${encodeURIComponent(slot.slotId)}`;
  const version = String(slot.version ?? 0);
  const details = summaryList({
    rows: [
      { key: 'When', value: `${formatUkDate(slot.startsAt)}, ${formatUkTime(slot.startsAt)} to ${formatUkTime(slot.endsAt)}` },
      { key: 'Facilitator', value: `${slot.facilitator} (${slot.facilitatorEmail})` },
      { key: slot.mode === 'online' ? 'Joining link' : 'Place', value: slot.where },
      { key: 'Booked', value: slot.bookedFor ? `For session ${slot.bookedFor}` : 'Not booked' },
    ],
  });
  const booked = html`<p class="govuk-body">This slot is booked for session ${slot.bookedFor}, so it cannot be changed or removed here.
To free it, <a class="govuk-link" href="${consultancy}#session-${slot.bookedFor}">cancel the session</a>.</p>`;
  const time = (name: 'start' | 'end', label: string, fallback: string) =>
    timeInput({ name, label, value: view.values[name] ?? fallback, errorMessage: errors.get(name) });
  const change = formWithCsrf({
    action,
    csrfToken: staff.csrfToken,
    // Whose calendar the new time is checked against, read beside the slot.
    hidden: { version, facilitator: slot.facilitator },
    content: html`<h2 class="govuk-heading-m">Change its time</h2>
${dateInput({ name: 'date', legend: 'Date', value: view.values.date ?? ukDateOf(new Date(slot.startsAt)), errorMessage: errors.get('date') })}
${time('start', 'Start (UK time)', ukClockTimeOf(slot.startsAt))}
${time('end', 'End (UK time)', ukClockTimeOf(slot.endsAt))}
${button({ text: 'Change the time', classes: 'secondary' })}`,
  });
  const remove = formWithCsrf({
    action: `${action}/remove`,
    csrfToken: staff.csrfToken,
    hidden: { version },
    content: html`<h2 class="govuk-heading-m" id="slot">Remove it</h2>
<p class="govuk-body">Nobody has booked it, so nobody is emailed.</p>
${button({ text: 'Remove this slot', classes: 'warning' })}`,
  });
  return page({
    title: `Slot with ${slot.facilitator}, ${area.name}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: consultancy,
    content: twoThirds(html`${errorSummary(view.errors)}
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Consultancy slot: ${formatUkDate(slot.startsAt)}, ${slotLabel(slot)}</h1>
${details}
${slot.bookedFor ? booked : html`${change}\n${remove}`}`),
  });
}
