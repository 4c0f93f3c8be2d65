import { html, type SafeHtml } from '@pip/html';

export type ColumnWidth = 'full' | 'two-thirds' | 'one-half' | 'one-third' | 'one-quarter';

export function gridRow(...columns: SafeHtml[]): SafeHtml {
  return html`<div class="govuk-grid-row">
${columns}
</div>`;
}

export function column(width: ColumnWidth, content: SafeHtml): SafeHtml {
  return html`<div class="govuk-grid-column-${width}">
${content}
</div>\n`;
}

/** The measure GOV.UK keeps forms and text to, so that lines stay easy to read. */
export function twoThirds(content: SafeHtml): SafeHtml {
  return gridRow(column('two-thirds', content));
}
