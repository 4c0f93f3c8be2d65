import { formatUkDateTime, type FieldError, type LearningEvent } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { errorSummary, type FormValues } from './form-fields';
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

function field(name: string, label: string, value: string | undefined, errors: Map<string, string>, type: string, width: string): SafeHtml {
  const error = errors.get(name);
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><label class="govuk-label" for="${name}">${label}</label>
${error ? html`<p id="${name}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : ''}
<input class="govuk-input ${width}${error ? ' govuk-input--error' : ''}" id="${name}" name="${name}" type="${type}" value="${value ?? ''}"${error ? html` aria-describedby="${name}-error"` : ''}></div>`;
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
${view.notice ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title"><div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="notice-title">Success</h2></div><div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${view.notice}</p></div></div>` : ''}
${
  !view.ready
    ? html`<p class="govuk-body">The event is scheduled once every area of the region is complete. Still to complete: ${view.areasToComplete.join(', ') || 'no areas yet'}.</p>`
    : html`${view.event ? html`<p class="govuk-body">Scheduled for ${formatUkDateTime(view.event.startsAt)} at ${view.event.venue}, by ${view.event.scheduledBy}.</p>` : ''}
<p class="govuk-body">Saving sends ${view.event ? 'an updated invitation' : 'an invitation'} with a calendar file to all ${view.participants} participants of the region.</p>
<form method="post" action="/staff/regions/${encodeURIComponent(view.regionId)}/learning-event" novalidate>
<input type="hidden" name="csrfToken" value="${staff.csrfToken}">
${field('date', 'Date', view.values.date, errors, 'date', 'govuk-input--width-10')}
${field('time', 'Start time (UK)', view.values.time ?? '10:00', errors, 'time', 'govuk-input--width-5')}
${field('minutes', 'Length in minutes', view.values.minutes ?? '240', errors, 'text', 'govuk-input--width-4')}
${field('venue', 'Venue', view.values.venue, errors, 'text', '')}
<button type="submit" class="govuk-button" data-prevent-double-click="true">${view.event ? 'Change the event and send updates' : 'Schedule the event and send invitations'}</button>
</form>`
}`,
  });
}
