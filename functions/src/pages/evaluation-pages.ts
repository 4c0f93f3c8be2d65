import { evaluationFieldMeta, evaluationFields, type Area, type FieldError } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, errorSummary, formWithCsrf, notificationBanner, twoThirds } from './components';
import { formField, type FormValues } from './form-fields';
import { messagePage, page } from './layout';

export function evaluationPage(
  area: Area,
  name: string,
  token: string,
  values: FormValues,
  options: { errors?: FieldError[]; notice?: string } = {},
): SafeHtml {
  const errors = options.errors ?? [];
  const errorFor = new Map(errors.map((error) => [error.field, error.message]));
  return page({
    title: `Evaluate the programme, ${area.name}`,
    hasErrors: errors.length > 0,
    content: twoThirds(html`${errorSummary(errors)}
${notificationBanner({ type: 'success', text: options.notice })}
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Evaluate the programme</h1>
<p class="govuk-body">For ${name}. You can change your answers with this link until the survey closes.</p>
${formWithCsrf({
  action: `/evaluation/${token}`,
  content: html`${evaluationFields.map((field) =>
    formField({ name: field, meta: evaluationFieldMeta(field), value: values[field], error: errorFor.get(field) }),
  )}
${button({ text: 'Send my evaluation', preventDoubleClick: true })}`,
})}`),
  });
}

export const surveyClosedPage = (area: Area) =>
  messagePage(`The evaluation of ${area.name} has closed`, [
    'Thank you: the survey is closed, so answers can no longer be given or changed. Nothing has been changed.',
  ]);
