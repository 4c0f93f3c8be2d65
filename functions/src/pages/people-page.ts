import { personSearchRules, rosterStatusInWords, type FieldError, type PersonFound } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, errorSummary, input, table } from './components';
import { page } from './layout';
import type { StaffView } from './staff-view';

/** The search for a person across areas: what was typed, and who matched, once a search was made. */
export interface PeopleSearchView {
  typed: string;
  found?: PersonFound[];
  errors: FieldError[];
}

function results(typed: string, found: readonly PersonFound[]): SafeHtml {
  if (found.length === 0) return html`<p class="govuk-body" role="status">Nobody’s name or email address contains “${typed.trim()}”.</p>`;
  return html`<p class="govuk-body" role="status">${found.length === 1 ? '1 person' : `${found.length} people`} found for “${typed.trim()}”.</p>
${table({
  caption: 'People found',
  captionClasses: 'govuk-visually-hidden',
  head: ['Name', 'Email', 'Organisation', 'Area', 'Status'],
  rows: found.map(({ area, application, status }) => {
    const base = `/staff/areas/${encodeURIComponent(area.areaId)}`;
    const { fullName, email, organisation } = application.answers;
    return [
      html`<a class="govuk-link" href="${base}/applications/${encodeURIComponent(application.applicationId)}">${fullName}</a>
<span class="govuk-visually-hidden">, application to ${area.name}</span>`,
      html`<a class="govuk-link" href="mailto:${email}">${email}</a><br><a class="govuk-link govuk-body-s" href="/staff/people/record?email=${encodeURIComponent(email)}">See everything we hold<span class="govuk-visually-hidden"> about ${fullName}</span></a>`,
      organisation,
      html`${area.name}<br><a class="govuk-link govuk-body-s" href="${base}/roster">Roster<span class="govuk-visually-hidden"> of ${area.name}</span></a>`,
      rosterStatusInWords(status),
    ];
  }),
})}`;
}

export function peoplePage(staff: StaffView, view: PeopleSearchView): SafeHtml {
  const error = view.errors.find((candidate) => candidate.field === 'q')?.message;
  return page({
    title: 'Find a person',
    staff,
    backLink: '/staff',
    hasErrors: view.errors.length > 0,
    content: html`${errorSummary(view.errors)}
<h1 class="govuk-heading-l">Find a person</h1>
<p class="govuk-body">Search every area’s applicants by name or email address.</p>
<form method="get" action="/staff/people" novalidate>
${input({
  name: 'q',
  label: { text: 'Name or email address', classes: 'govuk-label--s' },
  hint: `At least ${personSearchRules.shortestTerm} characters. Part of a name or address will do, like “smith” or “@leeds.gov.uk”.`,
  value: view.typed,
  errorMessage: error,
  spellcheck: false,
  classes: 'govuk-!-width-two-thirds',
})}
${button({ text: 'Search' })}
</form>
${view.found ? results(view.typed, view.found) : ''}`,
  });
}
