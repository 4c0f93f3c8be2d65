import {
  applicationFields,
  fieldMeta,
  type FieldError,
  formatUkDate,
  formatUkDateTime,
  outcomeDueBy,
  type Application,
  type ApplicationAnswers,
  type Area,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, errorSummary, formWithCsrf, insetText, panel, summaryList, twoThirds, type SummaryRow } from './components';
import { formField } from './form-fields';
import { formFromAnswers, journeyFields, type ApplicationJourney } from './application-pages';
import { answerInWords, answerLabels } from './application-answer-words';
import { messagePage, page } from './layout';

type ShownField = keyof typeof answerLabels;

/** Every answer but the privacy consent (without which nothing is sent), and the kind of organisation only where it is asked. */
function shownFields(answers: Partial<ApplicationAnswers>): ShownField[] {
  return applicationFields.filter(
    (name): name is ShownField => name !== 'privacyConsent' && (name !== 'organisationKind' || answers.sector === 'voluntary-community'),
  );
}

/** The answers as a summary list; `change` gives a row its "Change" action, if it has one. */
function answerRows(answers: Partial<ApplicationAnswers>, change: (name: ShownField) => SummaryRow['actions']): SummaryRow[] {
  return shownFields(answers).map((name) => ({ key: answerLabels[name], value: answerInWords(name, answers), actions: change(name) }));
}

/**
 * GOV.UK's "check your answers": every answer with a way back to change it, then "Accept and send".
 * The answers travel in the page's own form, so the "Change" actions are buttons of that form,
 * posting the answers back to the form page rather than linking to it.
 */
export function checkAnswersPage(journey: ApplicationJourney, answers: ApplicationAnswers, errors: readonly FieldError[] = []): SafeHtml {
  const changing = journey.fixedEmail !== undefined;
  // A new application agrees to the privacy notice here, when sending; a change carries the agreement it was made with.
  const { privacyConsent: _agreed, ...shown } = formFromAnswers(answers);
  const privacyLink = html`<a class="govuk-link" href="/privacy" target="_blank" rel="noopener">privacy notice (opens in new tab)</a>`;
  const consent = changing
    ? ''
    : formField(
        { name: 'privacyConsent', meta: fieldMeta('privacyConsent'), value: undefined, error: errors.find((error) => error.field === 'privacyConsent')?.message },
        { privacyConsent: html`Read the ${privacyLink} to see how we use your information.` },
      );
  const rows = answerRows(answers, (name) => {
    if (changing && name === 'email') return undefined;
    const change = { name: 'change', value: name };
    return [{ href: `${journey.checkAction}#${name}`, text: 'Change', visuallyHiddenText: answerLabels[name].toLowerCase(), post: change }];
  });
  const title = changing ? 'Check your answers before sending your changes' : 'Check your answers before sending your application';
  return page({
    title,
    hasErrors: errors.length > 0,
    content: twoThirds(html`${errorSummary(errors)}
<span class="govuk-caption-l">${journey.area.name}</span>
<h1 class="govuk-heading-l">${title}</h1>
${formWithCsrf({
  action: journey.sendAction,
  hidden: { ...(changing ? formFromAnswers(answers) : shown), ...journeyFields(journey) },
  content: html`${summaryList({ rows })}
<h2 class="govuk-heading-m">${changing ? 'Now send your changes' : 'Now send your application'}</h2>
${consent}
<p class="govuk-body">By sending ${changing ? 'your changes' : 'this application'} you are confirming that, to the best of your knowledge,
the details you are providing are correct.</p>
${button({ text: 'Accept and send', preventDoubleClick: true })}`,
})}`),
  });
}

/** What an applicant's own link opens. */
export interface OwnApplicationView {
  area: Area;
  application: Application;
  token: string;
  /** While applications are open the answers can be changed; afterwards they are shown only. */
  open: boolean;
}

/** The applicant's application as they sent it, through their own link. */
export function ownApplicationPage({ area, application, token, open }: OwnApplicationView): SafeHtml {
  const path = `/application/${encodeURIComponent(token)}`;
  const rows = answerRows(application.answers, (name) =>
    open && name !== 'email' ? [{ href: `${path}/change#${name}`, text: 'Change', visuallyHiddenText: answerLabels[name].toLowerCase() }] : undefined,
  );
  const changed = application.updatedAt === application.submittedAt ? '' : ` and last changed at ${formatUkDateTime(application.updatedAt)}`;
  const when = open
    ? html`<p class="govuk-body">You can change your answers until applications close at ${formatUkDateTime(area.recruitment.closesAt)}.</p>
${button({ text: 'Change your answers', href: `${path}/change` })}`
    : insetText({
        text: `Applications for ${area.name} have closed, so your answers can no longer be changed. `
          + `We will email you the outcome by ${formatUkDate(outcomeDueBy(area))}.`,
      });
  return page({
    title: 'Your application',
    content: twoThirds(html`<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Your application</h1>
<p class="govuk-body">Reference number <strong>${application.applicationId}</strong>, sent at ${formatUkDateTime(application.submittedAt)}${changed}.</p>
${when}
${summaryList({ rows })}`),
  });
}

/** After a change through the applicant's own link: saved and emailed, or nothing to save. */
export function applicationChangedPage(application: Application, token: string, outcome: 'updated' | 'unchanged'): SafeHtml {
  const back = html`<a class="govuk-link" href="/application/${encodeURIComponent(token)}">See your application</a>`;
  if (outcome === 'unchanged') return messagePage('Your application has not changed', ['The answers you sent are the ones we have already.', back]);
  return page({
    title: 'Application updated',
    content: twoThirds(html`${panel({ titleText: 'Application updated', text: html`Your reference number<br><strong>${application.applicationId}</strong>` })}
<p class="govuk-body">Your new answers replace your earlier ones. We have sent a confirmation to ${application.answers.email}.</p>
<p class="govuk-body">${back}</p>`),
  });
}
