import { html, type SafeHtml } from '@pip/html';
import type { Content } from './field-parts';

/** The "!" icon is hidden from screen readers, which hear "Warning" instead. */
export function warningText(params: { text: Content }): SafeHtml {
  return html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> ${params.text}</strong></div>`;
}
