import { regions, type FieldError } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { dateInput, errorSummary, type FormValues, simpleInput } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-pages';


/** Staff add an area to the programme and open its recruitment; its workflow starts when applications open. */
export function newAreaPage(staff: StaffView, values: FormValues, problems: readonly FieldError[]): SafeHtml {
  const errors = new Map(problems.map((problem) => [problem.field, problem.message]));
  const regionError = errors.get('regionId');
  return page({
    title: 'Add an area',
    staff,
    hasErrors: problems.length > 0,
    backLink: '/staff',
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">${errorSummary(problems)}
<h1 class="govuk-heading-l">Add an area</h1>
<p class="govuk-body">The area appears on the application page while its applications are open, and its workflow starts when they open.</p>
<form method="post" action="/staff/new-area" novalidate><input type="hidden" name="csrfToken" value="${staff.csrfToken}">
${simpleInput('name', 'Name of the area', values.name, errors.get('name'))}
<div class="govuk-form-group${regionError ? ' govuk-form-group--error' : ''}"><label class="govuk-label" for="regionId">Region</label>
${regionError ? html`<p id="regionId-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${regionError}</p>` : ''}
<select class="govuk-select" id="regionId" name="regionId"><option value="">Choose a region</option>${regions.map((region) => html`<option value="${region.regionId}"${values.regionId === region.regionId ? html` selected` : ''}>${region.name}</option>`)}</select></div>
<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Applications open (UK time)</legend>
${dateInput('opens-date', 'Date', values['opens-date'], errors.get('opens-date'))}
${simpleInput('opens-time', 'Time', values['opens-time'] ?? '09:00', errors.get('opens-time'), { type: 'time', width: '5' })}</fieldset>
<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Applications close (UK time)</legend>
${dateInput('closes-date', 'Date', values['closes-date'], errors.get('closes-date'))}
${simpleInput('closes-time', 'Time', values['closes-time'] ?? '17:00', errors.get('closes-time'), { type: 'time', width: '5' })}</fieldset>
<button type="submit" class="govuk-button" data-prevent-double-click="true">Add the area</button>
</form></div></div>`,
  });
}
