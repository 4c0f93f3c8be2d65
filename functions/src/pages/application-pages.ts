import {
  applicationAnswersSchema,
  applicationFields,
  inputFromForm,
  nominatingBodies,
  fieldMeta,
  formatUkDate,
  formatUkDateTime,
  outcomeDueBy,
  regionName,
  type Application,
  type Area,
  type FieldError,
  type Nomination,
  type RegionWithOpenAreas,
  type SubmissionOutcome,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { errorSummary, formField, type FormValues } from './form-fields';
import { messagePage, page } from './layout';

export function answersFromForm(form: FormValues): Record<string, unknown> {
  return inputFromForm(applicationAnswersSchema.shape, form);
}

export function openAreasPage(regions: RegionWithOpenAreas[]): SafeHtml {
  return page({
    title: 'Apply to join the programme in your area',
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-xl">Apply to join the Partnership Improvement Programme</h1>
<p class="govuk-body-l">The programme brings six senior council officers and six voluntary and community sector leaders of one area together to learn to work in partnership.</p>
<p class="govuk-body">You will take part in four half-day workshops over about five months, then help agree and carry out your area's partnership improvement action plan.</p>
${
  regions.length === 0
    ? html`<p class="govuk-body">No area is open for applications at the moment. Each area opens for a few weeks in turn, region by region.</p>`
    : html`<h2 class="govuk-heading-m">Areas open for applications</h2>
${regions.map(
  (region) => html`<h3 class="govuk-heading-s">${region.name}</h3>
<ul class="govuk-list">
${region.areas.map(
  (area) => html`<li><a class="govuk-link" href="/apply/${encodeURIComponent(area.areaId)}">${area.name}</a>
<span class="govuk-body-s"> – closes ${formatUkDateTime(area.recruitment.closesAt)}
(<a class="govuk-link" href="/nominate/${encodeURIComponent(area.areaId)}">nominate a candidate<span class="govuk-visually-hidden"> for ${area.name}</span></a>)</span></li>\n`,
)}
</ul>\n`,
)}`
}
</div></div>`,
  });
}

/** Who put the applicant forward, when they came through a nomination link, and the link's token to post back. */
export interface NominationShown {
  token: string;
  nomination: Nomination;
}

function nominationNotice(shown: NominationShown | undefined): SafeHtml {
  if (!shown) return html``;
  const { nomination } = shown;
  return html`<div class="govuk-inset-text">${nomination.nominatorName} of ${nomination.bodyName ?? nominatingBodies[nomination.body]} nominated you. We have filled in the details they gave us: check them and answer the other questions.</div>`;
}

export function applicationFormPage(
  area: Area,
  values: FormValues,
  errors: readonly FieldError[] = [],
  nomination?: NominationShown,
  nominationLinkFailed = false,
): SafeHtml {
  const errorFor = new Map(errors.map((error) => [error.field, error.message]));
  const privacyHint = html`Read the <a class="govuk-link" href="/privacy" target="_blank" rel="noopener">privacy notice (opens in new tab)</a> to see how we use your information.`;
  return page({
    title: `Apply for ${area.name}`,
    hasErrors: errors.length > 0,
    backLink: '/apply',
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors)}
<span class="govuk-caption-l">${area.name}, ${regionName(area.regionId)}</span>
<h1 class="govuk-heading-l">Apply to join the programme</h1>
<p class="govuk-body">Applications close at ${formatUkDateTime(area.recruitment.closesAt)}. We will email you the outcome by ${formatUkDate(outcomeDueBy(area))}.</p>
${nominationNotice(nomination)}
${nominationLinkFailed ? html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The nomination link you followed has expired or is not complete, so we could not fill in your details. You can still apply below; copy the whole link from the email if you want them filled in.</strong></div>` : ''}
<p class="govuk-body">If you have applied already, apply again with the same email address to change your answers.</p>
<form method="post" action="/apply/${encodeURIComponent(area.areaId)}" novalidate>
${nomination ? html`<input type="hidden" name="nomination" value="${nomination.token}">` : ''}
${applicationFields.map((name) =>
  formField({ name, meta: fieldMeta(name), value: values[name], error: errorFor.get(name) }, { privacyConsent: privacyHint }),
)}
<button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Send application</button>
</form>
</div></div>`,
  });
}

export function confirmationPage(area: Area, application: Application, outcome: SubmissionOutcome): SafeHtml {
  const heading = outcome === 'received' ? 'Application sent' : 'Application updated';
  return page({
    title: heading,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">${heading}</h1>
<div class="govuk-panel__body">Your reference number<br><strong>${application.applicationId}</strong></div>
</div>
<p class="govuk-body">We have sent a confirmation to ${application.answers.email}.</p>
<h2 class="govuk-heading-m">What happens next</h2>
<p class="govuk-body">Applications for ${area.name} close at ${formatUkDateTime(area.recruitment.closesAt)}. The programme team will review every application and email you the outcome by ${formatUkDate(outcomeDueBy(area))}.</p>
<p class="govuk-body">To change your answers before then, <a class="govuk-link" href="/apply/${encodeURIComponent(area.areaId)}">apply again with the same email address</a>.</p>
</div></div>`,
  });
}

export function recruitmentNotOpenPage(area: Area, state: 'not-open-yet' | 'closed'): SafeHtml {
  return state === 'closed'
    ? messagePage(`Applications for ${area.name} have closed`, [
        `Applications closed at ${formatUkDateTime(area.recruitment.closesAt)}. If you applied, we will email you the outcome by ${formatUkDate(outcomeDueBy(area))}.`,
        html`<a class="govuk-link" href="/apply">See the areas open for applications</a>`,
      ])
    : messagePage(`Applications for ${area.name} are not open yet`, [
        `Applications open at ${formatUkDateTime(area.recruitment.opensAt)}.`,
        html`<a class="govuk-link" href="/apply">See the areas open for applications</a>`,
      ]);
}
