import {
  formatUkDateTime,
  nominationFieldMeta,
  nominationFields,
  nominationSchema,
  inputFromForm,
  regionName,
  type Area,
  type FieldError,
  type NominationAnswers,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, errorSummary, formWithCsrf, panel, twoThirds } from './components';
import { formField, type FormValues } from './form-fields';
import { page } from './layout';

export function nominationFromForm(form: FormValues): Record<string, unknown> {
  return inputFromForm(nominationSchema.shape, form);
}

export function nominationFormPage(area: Area, values: FormValues, errors: readonly FieldError[] = []): SafeHtml {
  const errorFor = new Map(errors.map((error) => [error.field, error.message]));
  return page({
    title: `Nominate a candidate for ${area.name}`,
    hasErrors: errors.length > 0,
    backLink: '/apply',
    content: twoThirds(html`${errorSummary(errors)}
<span class="govuk-caption-l">${area.name}, ${regionName(area.regionId)}</span>
<h1 class="govuk-heading-l">Nominate a candidate</h1>
<p class="govuk-body">ACRE, bassac, Community Matters, NACVS and local ChangeUp consortia can put forward
voluntary and community sector leaders for the programme in their area.</p>
<p class="govuk-body">We will email the person you nominate a link to an application with the details you give here filled in.
They decide whether to apply, by ${formatUkDateTime(area.recruitment.closesAt)}.</p>
${formWithCsrf({
  action: `/nominate/${encodeURIComponent(area.areaId)}`,
  content: html`${nominationFields.map((name) =>
    formField({ name, meta: nominationFieldMeta(name), value: values[name], error: errorFor.get(name) }),
  )}
${button({ text: 'Send nomination', preventDoubleClick: true })}`,
})}`),
  });
}

export function nominationSentPage(area: Area, answers: NominationAnswers): SafeHtml {
  return page({
    title: 'Nomination sent',
    content: twoThirds(html`${panel({ titleText: 'Nomination sent' })}
<p class="govuk-body">We have emailed ${answers.candidateName} at ${answers.candidateEmail} a link to apply,
and sent you a confirmation at ${answers.nominatorEmail}.</p>
<p class="govuk-body">Applications for ${area.name} close at ${formatUkDateTime(area.recruitment.closesAt)}.</p>
<p class="govuk-body"><a class="govuk-link" href="/nominate/${encodeURIComponent(area.areaId)}">Nominate someone else</a></p>`),
  });
}
