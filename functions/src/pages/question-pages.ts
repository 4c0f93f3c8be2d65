import {
  applicationFields,
  applicationQuestionPages,
  fieldMeta,
  formatUkDate,
  formatUkDateTime,
  outcomeDueBy,
  regionName,
  savedApplicationRules,
  type Area,
  type FieldError,
  type QuestionPage,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, buttonGroup, errorSummary, formWithCsrf, input, panel, twoThirds } from './components';
import { formField, type FormValues } from './form-fields';
import { journeyFields, nominationLinkWarning, nominationNotice, type ApplicationJourney } from './application-pages';
import { page } from './layout';

/** Every answer so far but those a page asks itself: carried to the next step in the page's form. */
function carried(values: FormValues, except: readonly string[] = []): Record<string, string | undefined> {
  return Object.fromEntries(applicationFields.filter((name) => name !== 'privacyConsent' && !except.includes(name)).map((name) => [name, values[name]]));
}

/** The step's own hidden fields: the answers so far, where the journey goes on, and this page's id for a save. */
function stepHidden(journey: ApplicationJourney, values: FormValues, saveRequest: string, except: readonly string[] = []) {
  return { ...carried(values, except), ...journeyFields(journey), saveRequest };
}

/**
 * GOV.UK's back link, for a step whose answers travel in the page: a button of a form of its own
 * carrying them back to the page before, since a link would lose them.
 */
function backButton(journey: ApplicationJourney, values: FormValues, to: string): SafeHtml {
  return formWithCsrf({
    action: journey.checkAction,
    hidden: { ...carried(values), ...journeyFields(journey), goto: to },
    content: html`<button type="submit" class="govuk-back-link pip-back-button">Back</button>`,
  });
}

const saveButton = button({ text: 'Save and come back later', classes: 'secondary', name: 'action', value: 'save', preventDoubleClick: true });

export interface QuestionPageOptions {
  /** A fresh id for this page's "Save and come back later", so that saving twice saves once. */
  saveRequest: string;
  nominationLinkFailed?: boolean;
}

/** One question page of the application: its topic's fields, "Continue", and "Save and come back later". */
export function questionPageView(journey: ApplicationJourney, question: QuestionPage, values: FormValues, errors: readonly FieldError[], options: QuestionPageOptions): SafeHtml {
  const { area } = journey;
  const index = applicationQuestionPages.findIndex((one) => one.pageId === question.pageId);
  const previous = applicationQuestionPages[index - 1];
  const errorFor = new Map(errors.map((error) => [error.field, error.message]));
  const first = index === 0;
  const fields = question.fields
    // The kind of organisation is asked of the voluntary sector; the page shows it for all, saying so in its hint.
    .map((name) => formField({ name, meta: fieldMeta(name), value: values[name], error: errorFor.get(name) }));
  return page({
    title: `${question.title} – Apply for ${area.name}`,
    hasErrors: errors.length > 0,
    ...(first ? { backLink: journey.backLink } : {}),
    content: twoThirds(html`${previous ? backButton(journey, values, previous.pageId) : ''}
${errorSummary(errors)}
<span class="govuk-caption-l">${area.name}, ${regionName(area.regionId)} – step ${index + 1} of ${applicationQuestionPages.length + 1}</span>
<h1 class="govuk-heading-l">${question.title}</h1>
${
  first
    ? html`<p class="govuk-body">Applications close at ${formatUkDateTime(area.recruitment.closesAt)}.
We will email you the outcome by ${formatUkDate(outcomeDueBy(area))}.</p>
${nominationNotice(journey.nomination)}
${options.nominationLinkFailed ? nominationLinkWarning : ''}
<p class="govuk-body">If you have applied already, use the link in the email we sent you to see or change your application.</p>
<p class="govuk-body">You can save your answers on any page and come back to them later: we will email you a link.</p>`
    : ''
}
${formWithCsrf({
  action: journey.checkAction,
  hidden: { ...stepHidden(journey, values, options.saveRequest, question.fields), page: question.pageId },
  content: html`${fields}
${buttonGroup(button({ text: 'Continue', name: 'action', value: 'continue' }), saveButton)}`,
})}`),
  });
}

/** Saving needs somewhere to send the link: the one thing asked before the answers are saved. */
export function saveEmailPage(journey: ApplicationJourney, values: FormValues, errors: readonly FieldError[], saveRequest: string): SafeHtml {
  const error = errors.find((one) => one.field === 'email')?.message;
  return page({
    title: `Enter your email address to get a link – Apply for ${journey.area.name}`,
    hasErrors: errors.length > 0,
    content: twoThirds(html`${errorSummary(errors)}
<span class="govuk-caption-l">${journey.area.name}</span>
<h1 class="govuk-heading-l">Enter your email address to get a link</h1>
<p class="govuk-body">We will email you a link to come back to your answers. You will not need a password.</p>
${formWithCsrf({
  action: journey.checkAction,
  hidden: { ...stepHidden(journey, values, saveRequest, ['email']), page: 'save-email' },
  content: html`${input({
    name: 'email',
    label: { text: 'Email address', classes: 'govuk-label--s' },
    hint: `The link works for ${savedApplicationRules.linkDays} days after you last save.`,
    errorMessage: error,
    value: values.email,
    type: 'email',
    autocomplete: 'email',
    spellcheck: false,
  })}
${button({ text: 'Save and get a link', name: 'action', value: 'save', preventDoubleClick: true })}`,
})}`),
  });
}

/** After saving: where the link went, until when it works, and when applications close. */
export function answersSavedPage(area: Area, outcome: 'saved' | 'updated', email: string, expiresAt: string): SafeHtml {
  const title = 'Your answers have been saved';
  const where = outcome === 'saved'
    ? html`<p class="govuk-body">We have sent a link to ${email}. Use it to come back to your answers: you will not need a password.</p>`
    : html`<p class="govuk-body">Use the link in the email we sent you to come back to your answers.</p>`;
  return page({
    title,
    content: twoThirds(html`${panel({ titleText: title })}
${where}
<p class="govuk-body">The link works until ${formatUkDateTime(expiresAt)}, ${savedApplicationRules.linkDays} days after you last saved.
Your application has not been sent.</p>
<h2 class="govuk-heading-m">Send your application before applications close</h2>
<p class="govuk-body">Applications for ${area.name} close at ${formatUkDateTime(area.recruitment.closesAt)}.
We will remind you by email ${savedApplicationRules.reminderDaysBeforeClose} days before then if you have not sent it.</p>
<p class="govuk-body">If you do not get the email, check your spam or junk folder.</p>`),
  });
}
