import { html, type SafeHtml } from '@pip/html';
import type { Content } from './field-parts';

/** GOV.UK confirmation panel: the page's heading, and what the person needs to keep, such as a reference. */
export function panel(params: { titleText: string; text?: Content }): SafeHtml {
  return html`<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">${params.titleText}</h1>
${params.text ? html`<div class="govuk-panel__body">${params.text}</div>` : ''}
</div>`;
}
