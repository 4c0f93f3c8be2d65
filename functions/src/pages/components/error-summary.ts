import type { FieldError } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';

/**
 * GOV.UK error summary: every problem, each linking to its field, focused when the page loads (by
 * `autofocus`, since no script runs). A problem of no one field links to the page's main content.
 */
export function errorSummary(errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1" autofocus>
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
${errors.map((error) => html`<li><a href="#${error.field || 'main-content'}">${error.message}</a></li>\n`)}
</ul>
</div>
</div>
</div>`;
}
