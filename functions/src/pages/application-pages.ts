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
  type ApplicationAnswers,
  type Area,
  type FieldError,
  type Nomination,
  type RegionWithOpenAreas,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, errorMessage, errorSummary, formWithCsrf, insetText, panel, twoThirds, warningText } from './components';
import { formField, type FormValues } from './form-fields';
import { messagePage, page } from './layout';

export function answersFromForm(form: FormValues): Record<string, unknown> {
  return inputFromForm(applicationAnswersSchema.shape, form);
}

/** Answers as the form posts them, to fill in the form again or to carry them in hidden fields. */
export function formFromAnswers(answers: Partial<ApplicationAnswers>): Record<string, string> {
  const entries = applicationFields.flatMap((name) => {
    const value = answers[name];
    if (value === undefined) return [];
    return [[name, value === true ? 'yes' : String(value)] as const];
  });
  return Object.fromEntries(entries);
}

// No public link to nominate: partner organisations nominate through the personal links staff give them.
function openArea(area: Area): SafeHtml {
  return html`<li><a class="govuk-link" href="/apply/${encodeURIComponent(area.areaId)}">${area.name}</a>
<span class="govuk-body-s"> – closes ${formatUkDateTime(area.recruitment.closesAt)}</span></li>\n`;
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

/**
 * Where the pages of one way through the application post: a new application, or a change to one
 * through the applicant's own link. Each step carries every answer to the next in the page, so
 * nothing is stored until the applicant sends it; a later form in several pages can add steps here.
 */
export interface ApplicationJourney {
  area: Area;
  /** Where the form posts its answers to be checked; the check page's "Change" buttons post back here too. */
  checkAction: string;
  /** Where the check page sends the answers. */
  sendAction: string;
  /** Back from the form. */
  backLink: string;
  /** On a change: the address the application was made with, which stays. */
  fixedEmail?: string;
  nomination?: NominationShown;
  /** The link of saved answers the person came back through: saving again keeps to it. */
  savedToken?: string;
}

export function newApplicationJourney(area: Area, nomination?: NominationShown, savedToken?: string): ApplicationJourney {
  const path = `/apply/${encodeURIComponent(area.areaId)}`;
  return { area, checkAction: path, sendAction: `${path}/send`, backLink: '/apply', ...(nomination ? { nomination } : {}), ...(savedToken ? { savedToken } : {}) };
}

export function changeJourney(area: Area, token: string, email: string): ApplicationJourney {
  const path = `/application/${encodeURIComponent(token)}`;
  return { area, checkAction: `${path}/change`, sendAction: `${path}/send`, backLink: path, fixedEmail: email };
}

/** What each step posts back besides the answers: the nomination's token and the saved answers' link, when there are. */
export const journeyFields = (journey: ApplicationJourney): Record<string, string | undefined> => ({ nomination: journey.nomination?.token, saved: journey.savedToken });

export function nominationNotice(shown: NominationShown | undefined): SafeHtml {
  if (!shown) return html``;
  const { nomination } = shown;
  const body = nomination.bodyName ?? nominatingBodies[nomination.body];
  return insetText({
    text: `${nomination.nominatorName} of ${body} nominated you. We have filled in the details they gave us: check them and answer the other questions.`,
  });
}

export const nominationLinkWarning = warningText({
  text: 'The nomination link you followed has expired or is not complete, so we could not fill in your details. '
    + 'You can still apply below; copy the whole link from the email if you want them filled in.',
});

/** The address of an application being changed: shown, not asked, with the reason it stays. */
function fixedEmailField(email: string, error: string | undefined): SafeHtml {
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}" id="email">
<h2 class="govuk-heading-s govuk-!-margin-bottom-1">Email address</h2>
${error ? errorMessage({ text: error }) : ''}<p class="govuk-body govuk-!-margin-bottom-1">${email}</p>
<div class="govuk-hint">Your application is kept under this address, so it cannot be changed here. To use another address, contact the programme team.</div>
</div>`;
}

export function applicationFormPage(
  journey: ApplicationJourney,
  values: FormValues,
  errors: readonly FieldError[] = [],
  nominationLinkFailed = false,
): SafeHtml {
  const { area, fixedEmail } = journey;
  const errorFor = new Map(errors.map((error) => [error.field, error.message]));
  const privacyLink = html`<a class="govuk-link" href="/privacy" target="_blank" rel="noopener">privacy notice (opens in new tab)</a>`;
  const privacyHint = html`Read the ${privacyLink} to see how we use your information.`;
  const fields = applicationFields.map((name) =>
    name === 'email' && fixedEmail !== undefined
      ? fixedEmailField(fixedEmail, errorFor.get(name))
      : formField({ name, meta: fieldMeta(name), value: values[name], error: errorFor.get(name) }, { privacyConsent: privacyHint }),
  );
  const intro = fixedEmail === undefined
    ? html`<p class="govuk-body">If you have applied already, use the link in the email we sent you to see or change your application.</p>`
    : html`<p class="govuk-body">Change any answers, then check them before you send them. Nothing changes until you send them.</p>`;
  return page({
    title: fixedEmail === undefined ? `Apply for ${area.name}` : `Change your application for ${area.name}`,
    hasErrors: errors.length > 0,
    backLink: journey.backLink,
    content: twoThirds(html`${errorSummary(errors)}
<span class="govuk-caption-l">${area.name}, ${regionName(area.regionId)}</span>
<h1 class="govuk-heading-l">${fixedEmail === undefined ? 'Apply to join the programme' : 'Change your application'}</h1>
<p class="govuk-body">Applications close at ${formatUkDateTime(area.recruitment.closesAt)}.
We will email you the outcome by ${formatUkDate(outcomeDueBy(area))}.</p>
${nominationNotice(journey.nomination)}
${nominationLinkFailed ? nominationLinkWarning : ''}
${intro}
${formWithCsrf({
  action: journey.checkAction,
  hidden: journeyFields(journey),
  content: html`${fields}
${button({ text: 'Continue' })}`,
})}`),
  });
}

/** After a new application is stored, or the same answers were sent again: the reference, and what follows. */
export function confirmationPage(area: Area, application: Application): SafeHtml {
  return page({
    title: 'Application sent',
    content: twoThirds(html`${panel({ titleText: 'Application sent', text: html`Your reference number<br><strong>${application.applicationId}</strong>` })}
<p class="govuk-body">We have sent a confirmation to ${application.answers.email}, with your own link to see or change your application.</p>
<h2 class="govuk-heading-m">What happens next</h2>
<p class="govuk-body">Applications for ${area.name} close at ${formatUkDateTime(area.recruitment.closesAt)}.
The programme team will review every application and email you the outcome by ${formatUkDate(outcomeDueBy(area))}.</p>
<p class="govuk-body">To change your answers before applications close, use the link in the email.</p>`),
  });
}

/**
 * After answers were sent for an address that has applied already. Whoever sent them may not be
 * the person the address belongs to, so the page says nothing of that application.
 */
export function linkSentPage(area: Area): SafeHtml {
  return messagePage('We have emailed you a link to change your application', [
    `An application to join the programme in ${area.name} has already been made with this email address, so we have not saved these answers.`,
    'We have emailed the address a link to see or change that application. The link is the only way to change it.',
    'If you do not get the email, check your spam or junk folder.',
  ]);
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
