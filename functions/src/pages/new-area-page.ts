import { recruitmentDefaults, regions, type FieldError } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, dateInput, errorSummary, fieldset, formWithCsrf, input, select, timeInput, twoThirds } from './components';
import type { FormValues } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-view';

/** When applications open or close: a date and a UK time, as one question. */
export function moment(legend: string, prefix: 'opens' | 'closes', fallback: string, values: FormValues, errors: Map<string, string>): SafeHtml {
  return fieldset({
    legend: { text: legend, classes: 'govuk-fieldset__legend--m' },
    content: html`${dateInput({ name: `${prefix}-date`, legend: 'Date', value: values[`${prefix}-date`], errorMessage: errors.get(`${prefix}-date`) })}
${timeInput({ name: `${prefix}-time`, label: 'Time', value: values[`${prefix}-time`] ?? fallback, errorMessage: errors.get(`${prefix}-time`) })}`,
  });
}

/** Staff add an area to the programme and open its recruitment; its workflow starts when applications open. */
export function newAreaPage(staff: StaffView, values: FormValues, problems: readonly FieldError[]): SafeHtml {
  const errors = new Map(problems.map((problem) => [problem.field, problem.message]));
  return page({
    title: 'Add an area',
    staff,
    hasErrors: problems.length > 0,
    backLink: '/staff',
    content: twoThirds(html`${errorSummary(problems)}
<h1 class="govuk-heading-l">Add an area</h1>
<p class="govuk-body">The area appears on the application page while its applications are open, and its workflow starts when they open.</p>
${formWithCsrf({
  action: '/staff/new-area',
  csrfToken: staff.csrfToken,
  content: html`${input({ name: 'name', label: { text: 'Name of the area' }, value: values.name, errorMessage: errors.get('name') })}
${select({
  name: 'regionId',
  label: { text: 'Region' },
  errorMessage: errors.get('regionId'),
  items: [{ value: '', text: 'Choose a region' }, ...regions.map((region) => ({ value: region.regionId, text: region.name }))],
  value: values.regionId,
})}
${moment('Applications open (UK time)', 'opens', recruitmentDefaults.opensAtTime, values, errors)}
${moment('Applications close (UK time)', 'closes', recruitmentDefaults.closesAtTime, values, errors)}
${button({ text: 'Add the area', preventDoubleClick: true })}`,
})}`),
  });
}
