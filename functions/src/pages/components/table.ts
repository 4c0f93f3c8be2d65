import { html, type SafeHtml } from '@pip/html';
import type { Content } from './field-parts';

/** A cell: its content alone, or with `format: 'numeric'` to right-align a figure. */
export type TableCell = Content | { text: Content; format?: 'numeric' };

export interface TableParams {
  caption?: string;
  /** Such as `govuk-visually-hidden` for a caption only screen readers need, or `govuk-table__caption--m`. */
  captionClasses?: string;
  head?: readonly TableCell[];
  rows: readonly (readonly TableCell[])[];
  /** The first cell of each row names the row: a header with scope="row". */
  firstCellIsHeader?: boolean;
}

const cellOf = (cell: TableCell) => (typeof cell === 'object' && 'text' in cell ? cell : { text: cell, format: undefined });

function headerCell(cell: TableCell, scope: 'col' | 'row'): SafeHtml {
  const { text, format } = cellOf(cell);
  return html`<th scope="${scope}" class="govuk-table__header${format ? ` govuk-table__header--${format}` : ''}">${text}</th>`;
}

function dataCell(cell: TableCell): SafeHtml {
  const { text, format } = cellOf(cell);
  return html`<td class="govuk-table__cell${format ? ` govuk-table__cell--${format}` : ''}">${text}</td>`;
}

export function table(params: TableParams): SafeHtml {
  const caption = params.caption
    ? html`<caption class="govuk-table__caption${params.captionClasses ? ` ${params.captionClasses}` : ''}">${params.caption}</caption>`
    : '';
  const head = params.head
    ? html`<thead class="govuk-table__head"><tr class="govuk-table__row">${params.head.map((cell) => headerCell(cell, 'col'))}</tr></thead>`
    : '';
  const rows = params.rows.map(
    (row) =>
      html`<tr class="govuk-table__row">${row.map((cell, index) =>
        index === 0 && params.firstCellIsHeader ? headerCell(cell, 'row') : dataCell(cell),
      )}</tr>\n`,
  );
  return html`<table class="govuk-table">${caption}
${head}
<tbody class="govuk-table__body">
${rows}</tbody></table>`;
}
