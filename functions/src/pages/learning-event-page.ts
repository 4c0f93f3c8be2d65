import { formatUkDateTime, learningEventRules, type LearningEventContext, type RegionLibrarySummary } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, dateInput, errorSummary, formWithCsrf, input, notificationBanner, table, timeInput } from './components';
import type { FormState } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-view';

export type LearningEventView = LearningEventContext & FormState & { library: RegionLibrarySummary };

/** What the region's areas shared in the library, by theme, with the way to the objectives themselves. */
function regionLibrary(view: LearningEventView): SafeHtml {
  const href = `/staff/library?region=${encodeURIComponent(view.regionId)}`;
  const { library } = view;
  return html`<h2 class="govuk-heading-m">Shared action plan objectives</h2>
${
  library.objectives === 0
    ? html`<p class="govuk-body">No area of the region has shared objectives from its action plan yet.</p>`
    : html`<p class="govuk-body">The region’s areas have shared ${library.objectives} objective${library.objectives === 1 ? '' : 's'} from their action plans for the event to draw on.</p>
${table({
  caption: 'Shared objectives by theme',
  captionClasses: 'govuk-table__caption--s',
  head: ['Theme', { text: 'Objectives', format: 'numeric' }],
  rows: library.themes.map(({ name, count }) => [name, { text: String(count), format: 'numeric' }]),
})}`
}
<p class="govuk-body"><a class="govuk-link" href="${href}">See the ${view.regionName} objectives in the library of action plans</a></p>`;
}

function scheduleForm(staff: StaffView, view: LearningEventView, errors: Map<string, string>): SafeHtml {
  return formWithCsrf({
    action: `/staff/regions/${encodeURIComponent(view.regionId)}/learning-event`,
    csrfToken: staff.csrfToken,
    content: html`${dateInput({ name: 'date', legend: 'Date', value: view.values.date, errorMessage: errors.get('date') })}
${timeInput({ name: 'time', label: 'Start time (UK)', value: view.values.time ?? learningEventRules.defaultStartTime, errorMessage: errors.get('time') })}
${input({
  name: 'minutes',
  label: { text: 'Length in minutes' },
  value: view.values.minutes ?? String(learningEventRules.defaultMinutes),
  errorMessage: errors.get('minutes'),
  classes: 'govuk-input--width-4',
})}
${input({ name: 'venue', label: { text: 'Venue' }, value: view.values.venue, errorMessage: errors.get('venue') })}
${button({ text: view.event ? 'Change the event and send updates' : 'Schedule the event and send invitations', preventDoubleClick: true })}`,
  });
}

export function learningEventPage(staff: StaffView, view: LearningEventView): SafeHtml {
  const errors = new Map(view.errors.map((error) => [error.field, error.message]));
  const { event } = view;
  const invitation = event ? 'an updated invitation' : 'an invitation';
  return page({
    title: `Learning and mentoring event, ${view.regionName}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: '/staff',
    content: html`${errorSummary(view.errors)}<span class="govuk-caption-l">${view.regionName}</span>
<h1 class="govuk-heading-l">Learning and mentoring event</h1>
${notificationBanner({ type: 'success', text: view.notice })}
${
  !view.ready
    ? html`<p class="govuk-body">The event is scheduled once every area of the region is complete.
Still to complete: ${view.areasToComplete.join(', ') || 'no areas yet'}.</p>`
    : html`${event ? html`<p class="govuk-body">Scheduled for ${formatUkDateTime(event.startsAt)} at ${event.venue}, by ${event.scheduledBy}.</p>` : ''}
<p class="govuk-body">Saving sends ${invitation} with a calendar file to all ${view.participants} participants of the region.</p>
${scheduleForm(staff, view, errors)}`
}
${regionLibrary(view)}`,
  });
}
