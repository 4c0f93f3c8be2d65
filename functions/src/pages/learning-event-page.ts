import { formatUkDateTime, learningEventRules, type LearningEventContext } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, dateInput, errorSummary, formWithCsrf, input, notificationBanner, timeInput } from './components';
import type { FormState } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-view';

export type LearningEventView = LearningEventContext & FormState;

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
}`,
  });
}
