import { html, type SafeHtml } from '@pip/html';
import type { Content } from './field-parts';

export function insetText(params: { text: Content }): SafeHtml {
  return html`<div class="govuk-inset-text">${params.text}</div>`;
}
