import { html, type SafeHtml } from '@pip/html';

/** A status in a word or two; `classes` picks its colour, such as `govuk-tag--grey`. */
export function tag(params: { text: string; classes?: string }): SafeHtml {
  return html`<strong class="govuk-tag${params.classes ? ` ${params.classes}` : ''}">${params.text}</strong>`;
}
