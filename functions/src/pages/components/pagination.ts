import { html, type SafeHtml } from '@pip/html';

/** A link of GOV.UK's block pagination: its words, and a label under them saying where it leads. */
export interface PaginationLink {
  href: string;
  /** "Newer", "Next"... with words only screen readers need after it. */
  text: string;
  visuallyHiddenText?: string;
  labelText?: string;
}

const arrowPrevious = html`<svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg>`;
const arrowNext = html`<svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg>`;

function arrowLink(link: PaginationLink, type: 'prev' | 'next'): SafeHtml {
  const title = html`<span class="govuk-pagination__link-title${link.labelText ? '' : ' govuk-pagination__link-title--decorated'}">${link.text}${
    link.visuallyHiddenText ? html`<span class="govuk-visually-hidden"> ${link.visuallyHiddenText}</span>` : ''
  }</span>`;
  const label = link.labelText ? html`<span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">${link.labelText}</span>` : '';
  return html`<div class="govuk-pagination__${type}"><a class="govuk-link govuk-pagination__link" href="${link.href}" rel="${type}">${type === 'prev' ? arrowPrevious : arrowNext}${title}${label}</a></div>`;
}

/**
 * GOV.UK's pagination in its block form, with a previous and a next link only: the form for pages
 * reached by a cursor, where there are no page numbers to show. Nothing at all when neither exists.
 */
export function pagination(params: { previous?: PaginationLink; next?: PaginationLink; landmarkLabel?: string }): SafeHtml {
  if (!params.previous && !params.next) return html``;
  return html`<nav class="govuk-pagination govuk-pagination--block" aria-label="${params.landmarkLabel ?? 'Pagination'}">
${params.previous ? arrowLink(params.previous, 'prev') : ''}
${params.next ? arrowLink(params.next, 'next') : ''}
</nav>`;
}
