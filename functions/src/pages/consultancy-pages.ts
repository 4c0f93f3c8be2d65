import {
  bestFollowUpOption,
  fewHaveAnswered,
  bookingsOf,
  consultancyRules,
  followUpProposable,
  followUpRules,
  followUpTally,
  formatUkDate,
  formatUkDateTime,
  formatUkTime,
  hoursInWords,
  ukDateOf,
  type ConsultancyOverview,
  type ConsultancySessionState,
  type ConsultancySlot,
  type FieldError,
  type SessionBooking,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import {
  button,
  dateInput,
  errorSummary,
  fieldset,
  formGroup,
  formWithCsrf,
  hintAndError,
  input,
  notificationBanner,
  radioItems,
  radios,
  select,
  summaryList,
  tag,
  textarea,
  timeInput,
  warningText,
  twoThirds,
} from './components';
import type { FormState } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-view';

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
      { key: 'When', value: `${formatUkDate(slot.startsAt)}, ${slotLabel(slot)}` },
      { key: slot.mode === 'online' ? 'Joining link' : 'Place', value: slot.where },
      { key: 'Booked by', value: `${booking.bookedBy}, ${formatUkDateTime(booking.bookedAt)}` },
    ],
  });
}

export function bookingPage(state: ConsultancySessionState, token: string, options: { errors?: FieldError[]; notice?: string } = {}): SafeHtml {
  const errors = options.errors ?? [];
  const { booking, bookedSlot, session, area } = state;
  const slotError = errors.find((e) => e.field === 'slotId')?.message;
  const form = (content: SafeHtml) =>
    formWithCsrf({ action: `/consultancy/${token}`, hidden: { sequence: booking ? String(booking.sequence) : '-1' }, content });
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
${booking.heldAt ? html`<p class="govuk-body">This session took place.</p>` : state.canChange ? change() : tooLate}`
    : state.bookable.length === 0
      ? nothingFree
      : book()
}`),
  });
}

export type StaffConsultancyView = ConsultancyOverview & FormState;

/** What staff see and can do for one session: record it held once booked, or book it for the leads. */
function staffSession(state: ConsultancySessionState, base: string, csrfToken: string): SafeHtml {
  const booking = state.booking?.status === 'booked' ? state.booking : undefined;
  const session = String(state.session);
  const heading = html`<h2 class="govuk-heading-m">Session ${state.session}</h2>`;
  if (booking && state.bookedSlot) {
    const when = html`<p class="govuk-body">Booked for ${formatUkDate(state.bookedSlot.startsAt)}, ${slotLabel(state.bookedSlot)}, by ${booking.bookedBy}.</p>`;
    if (booking.heldAt) return html`${heading}\n${when}\n<p class="govuk-body">Took place. Notes: ${booking.notes ?? ''}</p>`;
    return html`${heading}\n${when}\n${formWithCsrf({
      action: `${base}/held`,
      csrfToken,
      hidden: { session },
      content: html`${textarea({ name: 'notes', id: `notes-${session}`, label: { text: 'Notes on the action plan’s progress' }, rows: 3 })}
${button({ text: `Record that session ${session} took place`, classes: 'secondary' })}`,
    })}`;
  }
  if (state.bookable.length === 0) return html`${heading}\n<p class="govuk-body">Not booked; no time can be booked for it now.</p>`;
  return html`${heading}\n${formWithCsrf({
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
  })}`;
}

function slotList(slots: readonly ConsultancySlot[]): SafeHtml {
  if (slots.length === 0) return html`<p class="govuk-body">No slots yet.</p>`;
  return html`<ul class="govuk-list">${slots.map(
    (slot) =>
      html`<li>${formatUkDate(slot.startsAt)}, ${slotLabel(slot)}${
        slot.bookedFor ? html` ${tag({ text: `Session ${slot.bookedFor}`, classes: 'govuk-tag--grey' })}` : ''
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
${view.states.map((state) => staffSession(state, base, staff.csrfToken))}
<h2 class="govuk-heading-m">Follow-up review</h2>
${followUpSection(view, base, staff.csrfToken, errors)}
<h2 class="govuk-heading-m">Slots</h2>
${slotList(view.states[0]!.slots)}
<h2 class="govuk-heading-m">Publish a slot</h2>
${publishSlotForm(view, base, staff.csrfToken, errors)}`,
  });
}

/** Staff propose dates for the follow-up review once session two has taken place. */
function followUpProposal(view: StaffConsultancyView, base: string, csrfToken: string, errors: Map<string, string>): SafeHtml {
  const time = (name: string, label: string, fallback: string) =>
    timeInput({ name, label, value: view.values[name] ?? fallback, errorMessage: errors.get(name) });
  const date = (name: string) => dateInput({ name, legend: 'Date', value: view.values[name], errorMessage: errors.get(name) });
  const option = (n: number) =>
    fieldset({
      classes: 'govuk-!-margin-bottom-4',
      legend: { text: `Date ${n}${n > followUpRules.fewestDates ? ' (optional)' : ''}`, classes: 'govuk-fieldset__legend--s' },
      content: html`${date(`follow-up-${n}-date`)}
${time(`follow-up-${n}-start`, 'Start (UK time)', followUpRules.defaultStartTime)}
${time(`follow-up-${n}-end`, 'End (UK time)', followUpRules.defaultEndTime)}`,
    });
  return formWithCsrf({
    action: `${base}/follow-up`,
    csrfToken,
    content: html`${Array.from({ length: followUpRules.mostDates }, (_, index) => option(index + 1))}
${input({ name: 'follow-up-venue', label: { text: 'Venue' }, value: view.values['follow-up-venue'], errorMessage: errors.get('follow-up-venue') })}
${button({ text: 'Propose the dates and ask every participant', classes: 'secondary', preventDoubleClick: true })}`,
  });
}

/** The names behind the counts: who has answered the dates (or, once confirmed, the invitation) and who has not. */
function whoHasAnswered(view: StaffConsultancyView, confirmed: boolean): SafeHtml {
  const hasAnswered = (answer: StaffConsultancyView['answers'][number]) => (confirmed ? answer.attending !== undefined : answer.answeredDates);
  const answeredIds = new Set(view.answers.filter(hasAnswered).map((answer) => answer.applicationId));
  const names = (answered: boolean) => view.group.filter((member) => answeredIds.has(member.applicationId) === answered).map((member) => member.name);
  return summaryList({
    rows: [
      { key: 'Answered', value: names(true).join(', ') || 'Nobody yet' },
      { key: 'Not answered yet', value: names(false).join(', ') || 'Nobody' },
    ],
  });
}

function followUpSection(view: StaffConsultancyView, base: string, csrfToken: string, errors: Map<string, string>): SafeHtml {
  const review = view.followUp;
  if (!review) {
    if (!followUpProposable(bookingsOf(view.states))) return html`<p class="govuk-body">Propose dates once consultancy session two has taken place.</p>`;
    return followUpProposal(view, base, csrfToken, errors);
  }
  const best = bestFollowUpOption(review, view.answers);
  const tally = followUpTally(review, view.answers);
  const answers = review.confirmedOptionId ? ` ${tally.attending} will attend, ${tally.declining} cannot.` : '';
  const few = fewHaveAnswered(tally.answered, view.group.length);
  const confirm = formWithCsrf({
    action: `${base}/follow-up/confirm`,
    csrfToken,
    content: html`${few ? warningText({ text: `Only ${tally.answered} of the ${view.group.length} in the group have answered so far.` }) : ''}
${radios({
  name: 'optionId',
  idPrefix: 'follow-up-confirm',
  fieldset: { legend: { text: 'Date to confirm', classes: 'govuk-fieldset__legend--s' } },
  hint: 'The date most can make is chosen; choose another if the group should meet then.',
  errorMessage: errors.get('follow-up-confirm'),
  items: tally.options.map((option) => ({ value: option.optionId, text: `${formatUkDateTime(option.startsAt)} (${String(option.canMake)} can make it)` })),
  value: best?.optionId,
})}
${button({ text: 'Confirm this date and invite everyone', preventDoubleClick: true })}`,
  });
  return html`<ul class="govuk-list">${tally.options.map(
    (option) =>
      html`<li>${formatUkDateTime(option.startsAt)}: ${String(option.canMake)} can make it${
        option.optionId === review.confirmedOptionId ? html` ${tag({ text: 'Confirmed' })}` : ''
      }</li>`,
  )}</ul>
<p class="govuk-body">${String(tally.answered)} participants have answered.${answers}</p>
${whoHasAnswered(view, review.confirmedOptionId !== undefined)}
${review.confirmedOptionId || !best ? '' : confirm}`;
}
