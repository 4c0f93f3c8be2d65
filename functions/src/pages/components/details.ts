import { html, type SafeHtml } from '@pip/html';

export function details(params: { summaryText: string; content: SafeHtml; classes?: string }): SafeHtml {
  const summary = html`<summary class="govuk-details__summary"><span class="govuk-details__summary-text">${params.summaryText}</span></summary>`;
  return html`<details class="govuk-details${params.classes ? ` ${params.classes}` : ''}">${summary}
<div class="govuk-details__text">${params.content}</div></details>`;
}
