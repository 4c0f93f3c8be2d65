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
import { button, errorSummary, formWithCsrf, insetText, panel, twoThirds, warningText } from './components';
import { formField, type FormValues } from './form-fields';
import { messagePage, page } from './layout';

export function answersFromForm(form: FormValues): Record<string, unknown> {
  return inputFromForm(applicationAnswersSchema.shape, form);
}

function openArea(area: Area): SafeHtml {
  const path = encodeURIComponent(area.areaId);
  return html`<li><a class="govuk-link" href="/apply/${path}">${area.name}</a>
<span class="govuk-body-s"> – closes ${formatUkDateTime(area.recruitment.closesAt)}
(<a class="govuk-link" href="/nominate/${path}">nominate a candidate<span class="govuk-visually-hidden"> for ${area.name}</span></a>)</span></li>\n`;
}

export function openAreasPage(regions: RegionWithOpenAreas[]): SafeHtml {
  return page({
    title: 'Apply to join the programme in your area',
    content: twoThirds(html`<h1 class="govuk-heading-xl">Apply to join the Partnership Improvement Programme</h1>
<p class="govuk-body-l">The programme brings six senior council officers and six voluntary and community sector leaders
of one area together to learn to work in partnership.</p>
<p class="govuk-body">You will take part in four half-day workshops over about five months,
then help agree and carry out your area's partnership improvement action plan.</p>
${
  regions.length === 0
    ? html`<p class="govuk-body">No area is open for applications at the moment. Each area opens for a few weeks in turn, region by region.</p>`
    : html`<h2 class="govuk-heading-m">Areas open for applications</h2>
${regions.map(
  (region) => html`<h3 class="govuk-heading-s">${region.name}</h3>
<ul class="govuk-list">
${region.areas.map(openArea)}
</ul>\n`,
)}`
}`),
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
  const body = nomination.bodyName ?? nominatingBodies[nomination.body];
  return insetText({
    text: `${nomination.nominatorName} of ${body} nominated you. We have filled in the details they gave us: check them and answer the other questions.`,
  });
}

const nominationLinkWarning = warningText({
  text: 'The nomination link you followed has expired or is not complete, so we could not fill in your details. '
    + 'You can still apply below; copy the whole link from the email if you want them filled in.',
});

export function applicationFormPage(
  area: Area,
  values: FormValues,
  errors: readonly FieldError[] = [],
  nomination?: NominationShown,
  nominationLinkFailed = false,
): SafeHtml {
  const errorFor = new Map(errors.map((error) => [error.field, error.message]));
  const privacyLink = html`<a class="govuk-link" href="/privacy" target="_blank" rel="noopener">privacy notice (opens in new tab)</a>`;
  const privacyHint = html`Read the ${privacyLink} to see how we use your information.`;
  return page({
    title: `Apply for ${area.name}`,
    hasErrors: errors.length > 0,
    backLink: '/apply',
    content: twoThirds(html`${errorSummary(errors)}
<span class="govuk-caption-l">${area.name}, ${regionName(area.regionId)}</span>
<h1 class="govuk-heading-l">Apply to join the programme</h1>
<p class="govuk-body">Applications close at ${formatUkDateTime(area.recruitment.closesAt)}.
We will email you the outcome by ${formatUkDate(outcomeDueBy(area))}.</p>
${nominationNotice(nomination)}
${nominationLinkFailed ? nominationLinkWarning : ''}
<p class="govuk-body">If you have applied already, apply again with the same email address to change your answers.</p>
${formWithCsrf({
  action: `/apply/${encodeURIComponent(area.areaId)}`,
  hidden: { nomination: nomination?.token },
  content: html`${applicationFields.map((name) =>
    formField({ name, meta: fieldMeta(name), value: values[name], error: errorFor.get(name) }, { privacyConsent: privacyHint }),
  )}
${button({ text: 'Send application', preventDoubleClick: true })}`,
})}`),
  });
}

export function confirmationPage(area: Area, application: Application, outcome: SubmissionOutcome): SafeHtml {
  const heading = outcome === 'received' ? 'Application sent' : 'Application updated';
  return page({
    title: heading,
    content: twoThirds(html`${panel({ titleText: heading, text: html`Your reference number<br><strong>${application.applicationId}</strong>` })}
<p class="govuk-body">We have sent a confirmation to ${application.answers.email}.</p>
<h2 class="govuk-heading-m">What happens next</h2>
<p class="govuk-body">Applications for ${area.name} close at ${formatUkDateTime(area.recruitment.closesAt)}.
The programme team will review every application and email you the outcome by ${formatUkDate(outcomeDueBy(area))}.</p>
<p class="govuk-body">To change your answers before then,
<a class="govuk-link" href="/apply/${encodeURIComponent(area.areaId)}">apply again with the same email address</a>.</p>`),
  });
}

export function recruitmentNotOpenPage(area: Area, state: 'not-open-yet' | 'closed'): SafeHtml {
  const closedAt = formatUkDateTime(area.recruitment.closesAt);
  return state === 'closed'
    ? messagePage(`Applications for ${area.name} have closed`, [
        `Applications closed at ${closedAt}. If you applied, we will email you the outcome by ${formatUkDate(outcomeDueBy(area))}.`,
        html`<a class="govuk-link" href="/apply">See the areas open for applications</a>`,
      ])
    : messagePage(`Applications for ${area.name} are not open yet`, [
        `Applications open at ${formatUkDateTime(area.recruitment.opensAt)}.`,
        html`<a class="govuk-link" href="/apply">See the areas open for applications</a>`,
      ]);
}
