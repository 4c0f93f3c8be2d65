import { formatUkDateTime, type FieldError, type LearningEvent } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { dateInput, errorSummary, type FormValues, simpleInput, successBanner } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-pages';

export interface LearningEventView {
  regionId: string;
  regionName: string;
  ready: boolean;
  areasToComplete: string[];
  event: LearningEvent | undefined;
  participants: number;
  values: FormValues;
  errors: FieldError[];
  notice?: string;
}


export function learningEventPage(staff: StaffView, view: LearningEventView): SafeHtml {
  const errors = new Map(view.errors.map((error) => [error.field, error.message]));
  return page({
    title: `Learning and mentoring event, ${view.regionName}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: '/staff',
    content: html`${errorSummary(view.errors)}<span class="govuk-caption-l">${view.regionName}</span>
<h1 class="govuk-heading-l">Learning and mentoring event</h1>
${successBanner(view.notice)}
${
  !view.ready
    ? html`<p class="govuk-body">The event is scheduled once every area of the region is complete. Still to complete: ${view.areasToComplete.join(', ') || 'no areas yet'}.</p>`
    : html`${view.event ? html`<p class="govuk-body">Scheduled for ${formatUkDateTime(view.event.startsAt)} at ${view.event.venue}, by ${view.event.scheduledBy}.</p>` : ''}
<p class="govuk-body">Saving sends ${view.event ? 'an updated invitation' : 'an invitation'} with a calendar file to all ${view.participants} participants of the region.</p>
<form method="post" action="/staff/regions/${encodeURIComponent(view.regionId)}/learning-event" novalidate>
<input type="hidden" name="csrfToken" value="${staff.csrfToken}">
${dateInput('date', 'Date', view.values.date, errors.get('date'))}
${simpleInput('time', 'Start time (UK)', view.values.time ?? '10:00', errors.get('time'), { type: 'time', width: '5' })}
${simpleInput('minutes', 'Length in minutes', view.values.minutes ?? '240', errors.get('minutes'), { width: '4' })}
${simpleInput('venue', 'Venue', view.values.venue, errors.get('venue'))}
<button type="submit" class="govuk-button" data-prevent-double-click="true">${view.event ? 'Change the event and send updates' : 'Schedule the event and send invitations'}</button>
</form>`
}`,
  });
}
