import { bestFollowUpOption, formatUkDate, formatUkDateTime, formatUkTime, ukDateOf, type ConsultancySlot, type FieldError, type FollowUpAnswer, type FollowUpReview } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import type { ConsultancyState } from '../consultancy-service';
import { dateInput, errorSummary, type FormValues, simpleInput, successBanner } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-pages';

export const slotLabel = (slot: ConsultancySlot) =>
  `${formatUkTime(slot.startsAt)} to ${formatUkTime(slot.endsAt)}, with ${slot.facilitator}, ${slot.mode === 'online' ? 'online' : `at ${slot.where}`}`;

/** Free slots as radios, one group per UK day. */
function slotChoices(slots: readonly ConsultancySlot[], error: string | undefined): SafeHtml {
  const days = new Map<string, ConsultancySlot[]>();
  for (const slot of slots) days.set(ukDateOf(new Date(slot.startsAt)), [...(days.get(ukDateOf(new Date(slot.startsAt))) ?? []), slot]);
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><fieldset class="govuk-fieldset" aria-describedby="slotId-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Choose a time</legend>
<div id="slotId-hint" class="govuk-hint">Times are UK time.</div>
${error ? html`<p id="slotId-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : ''}
${[...days].map(
  ([, daySlots]) => html`<h3 class="govuk-heading-s">${formatUkDate(daySlots[0]!.startsAt)}</h3><div class="govuk-radios govuk-radios--small">${daySlots.map(
    (slot, index) => html`<div class="govuk-radios__item"><input class="govuk-radios__input" id="${index === 0 && slots[0] === slot ? 'slotId' : `slot-${slot.slotId}`}" name="slotId" type="radio" value="${slot.slotId}">
<label class="govuk-label govuk-radios__label" for="${index === 0 && slots[0] === slot ? 'slotId' : `slot-${slot.slotId}`}">${slotLabel(slot)}</label></div>`,
  )}</div>`,
)}</fieldset></div>`;
}

export function bookingPage(state: ConsultancyState, token: string, options: { errors?: FieldError[]; notice?: string } = {}): SafeHtml {
  const errors = options.errors ?? [];
  const { booking, bookedSlot, session, area } = state;
  const booked = booking?.status === 'booked' && bookedSlot;
  const form = (content: SafeHtml) => html`<form method="post" action="/consultancy/${token}" novalidate><input type="hidden" name="sequence" value="${booking ? String(booking.sequence) : '-1'}">${content}</form>`;
  return page({
    title: `Consultancy session ${session}, ${area.name}`,
    hasErrors: errors.length > 0,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors)}
${successBanner(options.notice)}
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Consultancy session ${session}</h1>
${
  booked
    ? html`<div class="govuk-summary-card"><div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">Booked</h2></div><div class="govuk-summary-card__content"><dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">When</dt><dd class="govuk-summary-list__value">${formatUkDate(bookedSlot.startsAt)}, ${slotLabel(bookedSlot)}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${bookedSlot.mode === 'online' ? 'Joining link' : 'Place'}</dt><dd class="govuk-summary-list__value">${bookedSlot.where}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Booked by</dt><dd class="govuk-summary-list__value">${booking.bookedBy}, ${formatUkDateTime(booking.bookedAt)}</dd></div>
</dl></div></div>
${
  booking.heldAt
    ? html`<p class="govuk-body">This session took place.</p>`
    : state.canChange
      ? html`${state.bookable.length > 0 ? form(html`${slotChoices(state.bookable, errors.find((e) => e.field === 'slotId')?.message)}<button type="submit" name="action" value="book" class="govuk-button govuk-button--secondary" data-prevent-double-click="true">Move the session to this time</button>`) : ''}
${form(html`<button type="submit" name="action" value="cancel" class="govuk-button govuk-button--warning" data-prevent-double-click="true">Cancel the session</button>`)}`
      : html`<p class="govuk-body">It is less than a day before the session, so it can no longer be moved or cancelled here. Reply to the booking email if something has come up.</p>`
}`
    : state.bookable.length === 0
      ? html`<p class="govuk-body">${session === 2 ? 'Session two can be booked once session one has taken place, from a few weeks after it.' : 'No times are free at the moment.'} The programme team will email you when times are available.</p>`
      : form(html`<p class="govuk-body">Either lead can book. The other lead and the facilitator will get the booking with a calendar file.</p>
${slotChoices(state.bookable, errors.find((e) => e.field === 'slotId')?.message)}
<button type="submit" name="action" value="book" class="govuk-button" data-prevent-double-click="true">Book this time</button>`)
}
</div></div>`,
  });
}

export interface StaffConsultancyView {
  states: ConsultancyState[];
  followUp: FollowUpReview | undefined;
  answers: FollowUpAnswer[];
  values: FormValues;
  errors: FieldError[];
  notice?: string;
  leads: string[];
}


export function staffConsultancyPage(staff: StaffView, view: StaffConsultancyView): SafeHtml {
  const errors = new Map(view.errors.map((error) => [error.field, error.message]));
  const area = view.states[0]!.area;
  const base = `/staff/areas/${encodeURIComponent(area.areaId)}/consultancy`;
  const hidden = html`<input type="hidden" name="csrfToken" value="${staff.csrfToken}">`;
  const mode = view.values.mode ?? 'in-person';
  return page({
    title: `Consultancy sessions, ${area.name}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: `/staff/areas/${encodeURIComponent(area.areaId)}`,
    content: html`${errorSummary(view.errors)}
${successBanner(view.notice)}
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Consultancy sessions</h1>
<p class="govuk-body">Leads: ${view.leads.join(' and ') || 'not named yet'}.</p>
${view.states.map((state) => {
  const booking = state.booking?.status === 'booked' ? state.booking : undefined;
  return html`<h2 class="govuk-heading-m">Session ${state.session}</h2>
${
  booking && state.bookedSlot
    ? html`<p class="govuk-body">Booked for ${formatUkDate(state.bookedSlot.startsAt)}, ${slotLabel(state.bookedSlot)}, by ${booking.bookedBy}.</p>
${booking.heldAt ? html`<p class="govuk-body">Took place. Notes: ${booking.notes ?? ''}</p>` : html`<form method="post" action="${base}/held" novalidate>${hidden}<input type="hidden" name="session" value="${String(state.session)}">
<div class="govuk-form-group"><label class="govuk-label" for="notes-${String(state.session)}">Notes on the action plan’s progress</label><textarea class="govuk-textarea" id="notes-${String(state.session)}" name="notes" rows="3"></textarea></div>
<button type="submit" class="govuk-button govuk-button--secondary">Record that session ${String(state.session)} took place</button></form>`}`
    : state.bookable.length > 0
      ? html`<form method="post" action="${base}/bookings" novalidate>${hidden}<input type="hidden" name="session" value="${String(state.session)}">
<div class="govuk-form-group"><label class="govuk-label" for="book-${String(state.session)}">Book for the leads</label>
<select class="govuk-select" id="book-${String(state.session)}" name="slotId">${state.bookable.map((slot) => html`<option value="${slot.slotId}">${formatUkDate(slot.startsAt)}, ${slotLabel(slot)}</option>`)}</select></div>
<button type="submit" class="govuk-button govuk-button--secondary">Book session ${String(state.session)}</button></form>`
      : html`<p class="govuk-body">Not booked; no time can be booked for it now.</p>`
}`;
})}
<h2 class="govuk-heading-m">Follow-up review</h2>
${followUpSection(view, base, hidden, errors)}
<h2 class="govuk-heading-m">Slots</h2>
${
  view.states[0]!.slots.length === 0
    ? html`<p class="govuk-body">No slots yet.</p>`
    : html`<ul class="govuk-list">${view.states[0]!.slots.map((slot) => html`<li>${formatUkDate(slot.startsAt)}, ${slotLabel(slot)}${slot.bookedFor ? html` <strong class="govuk-tag govuk-tag--grey">Session ${String(slot.bookedFor)}</strong>` : ''}</li>`)}</ul>`
}
<h2 class="govuk-heading-m">Publish a slot</h2>
<form method="post" action="${base}/slots" novalidate>${hidden}
${simpleInput('facilitator', 'Facilitator', view.values.facilitator, errors.get('facilitator'))}
${simpleInput('facilitatorEmail', 'Facilitator’s email address', view.values.facilitatorEmail, errors.get('facilitatorEmail'), { type: 'email' })}
${dateInput('date', 'Date', view.values.date, errors.get('date'))}
${simpleInput('start', 'Start (UK time)', view.values.start ?? '10:00', errors.get('start'), { type: 'time', width: '5' })}
${simpleInput('end', 'End (UK time)', view.values.end ?? '12:00', errors.get('end'), { type: 'time', width: '5' })}
<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend">How</legend><div class="govuk-radios govuk-radios--small govuk-radios--inline">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="mode" name="mode" type="radio" value="in-person"${mode === 'in-person' ? html` checked` : ''}><label class="govuk-label govuk-radios__label" for="mode">In person</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="mode-online" name="mode" type="radio" value="online"${mode === 'online' ? html` checked` : ''}><label class="govuk-label govuk-radios__label" for="mode-online">Online</label></div>
</div></fieldset></div>
${simpleInput('where', 'Place, or the joining link if online', view.values.where, errors.get('where'))}
<button type="submit" class="govuk-button" data-prevent-double-click="true">Publish the slot</button>
</form>`,
  });
}

function followUpSection(view: StaffConsultancyView, base: string, hidden: SafeHtml, errors: Map<string, string>): SafeHtml {
  const review = view.followUp;
  if (!review) {
    if (!view.states[1]?.booking?.heldAt) return html`<p class="govuk-body">Propose dates once consultancy session two has taken place.</p>`;
    return html`<form method="post" action="${base}/follow-up" novalidate>${hidden}
${[1, 2, 3].map((n) => html`<fieldset class="govuk-fieldset govuk-!-margin-bottom-4"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Date ${String(n)}${n === 3 ? ' (optional)' : ''}</legend>
${dateInput(`follow-up-${n}-date`, 'Date', view.values[`follow-up-${n}-date`], errors.get(`follow-up-${n}-date`))}
${simpleInput(`follow-up-${n}-start`, 'Start (UK time)', view.values[`follow-up-${n}-start`] ?? '10:00', errors.get(`follow-up-${n}-start`), { type: 'time', width: '5' })}
${simpleInput(`follow-up-${n}-end`, 'End (UK time)', view.values[`follow-up-${n}-end`] ?? '12:30', errors.get(`follow-up-${n}-end`), { type: 'time', width: '5' })}</fieldset>`)}
${simpleInput('follow-up-venue', 'Venue', view.values['follow-up-venue'], errors.get('follow-up-venue'))}
<button type="submit" class="govuk-button govuk-button--secondary" data-prevent-double-click="true">Propose the dates and ask every participant</button></form>`;
  }
  const best = bestFollowUpOption(review, view.answers);
  const attending = view.answers.filter((answer) => answer.attending === true).length;
  const declining = view.answers.filter((answer) => answer.attending === false).length;
  return html`<ul class="govuk-list">${review.options.map((option) => html`<li>${formatUkDateTime(option.startsAt)}: ${String(view.answers.filter((answer) => answer.available.includes(option.optionId)).length)} can make it${option.optionId === review.confirmedOptionId ? html` <strong class="govuk-tag">Confirmed</strong>` : ''}</li>`)}</ul>
<p class="govuk-body">${String(view.answers.length)} participants have answered.${review.confirmedOptionId ? ` ${attending} will attend, ${declining} cannot.` : ''}</p>
${review.confirmedOptionId || !best ? '' : html`<form method="post" action="${base}/follow-up/confirm" novalidate>${hidden}<button type="submit" class="govuk-button" id="follow-up-confirm" data-prevent-double-click="true">Confirm the date most can make and invite everyone</button></form>`}`;
}
