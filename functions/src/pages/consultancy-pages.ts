import {
  consultancyRules,
  formatUkDate,
  formatUkDateTime,
  formatUkTime,
  formatUkTimeSpan,
  hoursInWords,
  ukDateOf,
  type ConsultancySessionState,
  type ConsultancySlot,
  type FieldError,
  type SessionBooking,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import {
  button,
  buttonGroup,
  errorSummary,
  fieldset,
  formGroup,
  formWithCsrf,
  hintAndError,
  notificationBanner,
  radioItems,
  summaryList,
  twoThirds,
  warningText,
} from './components';
import { CONFIRMED_FIELD } from './confirmation-page';
import { page } from './layout';

export const slotLabel = (slot: ConsultancySlot) =>
  `${formatUkTime(slot.startsAt)} to ${formatUkTime(slot.endsAt)}, with ${slot.facilitator}, ${slot.mode === 'online' ? 'online' : `at ${slot.where}`}`;

/** Free slots as radios, one group per UK day. */
function slotChoices(slots: readonly ConsultancySlot[], error: string | undefined): SafeHtml {
  const days = new Map<string, ConsultancySlot[]>();
  for (const slot of slots) days.set(ukDateOf(new Date(slot.startsAt)), [...(days.get(ukDateOf(new Date(slot.startsAt))) ?? []), slot]);
  const { markup, describedBy } = hintAndError('slotId', 'Times are UK time.', error);
  const day = (daySlots: ConsultancySlot[]) => html`<h3 class="govuk-heading-s">${formatUkDate(daySlots[0]!.startsAt)}</h3>${radioItems({
    name: 'slotId',
    classes: 'govuk-radios--small',
    items: daySlots.map((slot) => ({ value: slot.slotId, text: slotLabel(slot), id: slot === slots[0] ? 'slotId' : `slot-${slot.slotId}` })),
  })}`;
  return formGroup({
    error: Boolean(error),
    content: fieldset({
      legend: { text: 'Choose a time', classes: 'govuk-fieldset__legend--m' },
      describedBy,
      content: html`${markup}
${[...days.values()].map(day)}`,
    }),
  });
}

function booked(booking: SessionBooking, slot: ConsultancySlot): SafeHtml {
  return summaryList({
    card: { title: 'Booked' },
    rows: [
      // Each fact once: the place has its own row, so the time does not repeat it.
      { key: 'When', value: formatUkTimeSpan(slot.startsAt, slot.endsAt) },
      { key: 'Facilitator', value: slot.facilitator },
      { key: slot.mode === 'online' ? 'Joining link' : 'Place', value: slot.where },
      { key: 'Booked by', value: `${booking.bookedBy}, ${formatUkDateTime(booking.bookedAt)}` },
    ],
  });
}

export function bookingPage(state: ConsultancySessionState, token: string, options: { errors?: FieldError[]; notice?: string } = {}): SafeHtml {
  const errors = options.errors ?? [];
  const { booking, bookedSlot, session, area } = state;
  const slotError = errors.find((e) => e.field === 'slotId')?.message;
  // Each time shown goes back with the version it had, so a time changed since is not booked unseen.
  const seen = Object.fromEntries(state.bookable.map((slot) => [`seen-${slot.slotId}`, String(slot.version ?? 0)]));
  const form = (content: SafeHtml) =>
    formWithCsrf({ action: `/consultancy/${token}`, hidden: { sequence: booking ? String(booking.sequence) : '-1', ...seen }, content });
  const change = () => html`${
    state.bookable.length > 0
      ? form(html`${slotChoices(state.bookable, slotError)}
${button({ text: 'Move the session to this time', name: 'action', value: 'book', classes: 'secondary', preventDoubleClick: true })}`)
      : ''
  }
${form(button({ text: 'Cancel the session', name: 'action', value: 'cancel', classes: 'warning', preventDoubleClick: true }))}`;
  const cutoff = hoursInWords(consultancyRules.changeCutoffHours);
  const tooLate = html`<p class="govuk-body">It is less than ${cutoff} before the session, so it can no longer be moved or cancelled here.
Reply to the booking email if something has come up.</p>`;
  const behindUs = html`<p class="govuk-body">${booking?.heldAt ? 'This session took place.' : 'The time of this session has passed.'}
It can no longer be moved or cancelled.</p>`;
  const nothingFree = html`<p class="govuk-body">${
    session === 2 ? 'Session two can be booked once session one has taken place, from a few weeks after it.' : 'No times are free at the moment.'
  } The programme team will email you when times are available.</p>`;
  const book = () =>
    form(html`<p class="govuk-body">Either lead can book. The other lead and the facilitator will get the booking with a calendar file.</p>
${slotChoices(state.bookable, slotError)}
${button({ text: 'Book this time', name: 'action', value: 'book', preventDoubleClick: true })}`);
  return page({
    title: `Consultancy session ${session}, ${area.name}`,
    hasErrors: errors.length > 0,
    content: twoThirds(html`${errorSummary(errors)}
${notificationBanner({ type: 'success', text: options.notice })}
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Consultancy session ${session}</h1>
${
  booking?.status === 'booked' && bookedSlot
    ? html`${booked(booking, bookedSlot)}
${state.past ? behindUs : state.canChange ? change() : tooLate}`
    : state.bookable.length === 0
      ? nothingFree
      : book()
}`),
  });
}

/**
 * The page between a lead's "Cancel the session" and the cancellation, which emails everyone booked
 * and cannot be undone: the cancellation acts only when this page's form posts it confirmed.
 */
export function cancelSessionConfirmationPage(state: ConsultancySessionState, token: string): SafeHtml {
  const { area, session, booking, bookedSlot } = state;
  const when = bookedSlot ? `${formatUkDate(bookedSlot.startsAt)}, ${slotLabel(bookedSlot)}` : '';
  const emailed = [...state.leads.map((lead) => lead.name), ...(bookedSlot ? [bookedSlot.facilitator] : [])];
  const title = `Are you sure you want to cancel consultancy session ${session}?`;
  return page({
    title,
    backLink: `/consultancy/${token}`,
    content: twoThirds(html`<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">${title}</h1>
<ul class="govuk-list govuk-list--bullet">
<li>The booking for ${when}, will be cancelled, and its time will be free to book again.</li>
<li>Everyone booked gets an email whose calendar file removes the session from their calendar.</li>
<li>You or the other lead can then book another time with your links.</li>
</ul>
<p class="govuk-body">These people will be emailed:</p>
<ul class="govuk-list govuk-list--bullet">${emailed.map((name) => html`<li>${name}</li>`)}</ul>
${warningText({ text: 'The booking cannot be restored once cancelled: its time may be taken by then.' })}
${formWithCsrf({
  action: `/consultancy/${token}`,
  hidden: { action: 'cancel', sequence: booking ? String(booking.sequence) : '-1', [CONFIRMED_FIELD]: 'yes' },
  content: buttonGroup(
    button({ text: 'Yes, cancel the session', classes: 'warning', preventDoubleClick: true }),
    html`<a class="govuk-link" href="/consultancy/${token}">No, keep the booking</a>`,
  ),
})}`),
  });
}
