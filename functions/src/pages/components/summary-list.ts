import { html, type SafeHtml } from '@pip/html';
import { attributes, type Content } from './field-parts';

export interface SummaryAction {
  href: string;
  text: string;
  /** Says what the action is about to a screen reader, such as "name" after "Change". */
  visuallyHiddenText?: string;
  /**
   * Makes the action a button of the form around the list, posting to `href` with `name=value`:
   * for answers carried in the page's form rather than stored, which a link would lose.
   */
  post?: { name: string; value: string };
}

export interface SummaryRow {
  key: Content;
  value: Content;
  actions?: readonly SummaryAction[];
}

export interface SummaryListParams {
  rows: readonly SummaryRow[];
  /** Such as `govuk-summary-list--no-border`. */
  classes?: string;
  /** Puts the list in a GOV.UK summary card with this title. */
  card?: { title: Content };
}

function action(item: SummaryAction): SafeHtml {
  const hidden = item.visuallyHiddenText ? html`<span class="govuk-visually-hidden"> ${item.visuallyHiddenText}</span>` : '';
  if (item.post) {
    const { name, value } = item.post;
    const button = attributes({ type: 'submit', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0', formaction: item.href, name, value });
    return html`<button${button}>${item.text}${hidden}</button>`;
  }
  return html`<a class="govuk-link" href="${item.href}">${item.text}${hidden}</a>`;
}

function actions(items: readonly SummaryAction[]): SafeHtml {
  if (items.length === 1) return html`<dd class="govuk-summary-list__actions">${action(items[0]!)}</dd>`;
  return html`<dd class="govuk-summary-list__actions"><ul class="govuk-summary-list__actions-list">${items.map(
    (item) => html`<li class="govuk-summary-list__actions-list-item">${action(item)}</li>`,
  )}</ul></dd>`;
}

export function summaryList(params: SummaryListParams): SafeHtml {
  // As in GOV.UK's macro: when some rows have actions, the others say they have none, to keep the columns.
  const anyActions = params.rows.some((row) => row.actions?.length);
  const rows = params.rows.map((row) => {
    const rowClasses = `govuk-summary-list__row${anyActions && !row.actions?.length ? ' govuk-summary-list__row--no-actions' : ''}`;
    const key = html`<dt class="govuk-summary-list__key">${row.key}</dt>`;
    const value = html`<dd class="govuk-summary-list__value">${row.value}</dd>`;
    return html`<div class="${rowClasses}">${key}${value}${row.actions?.length ? actions(row.actions) : ''}</div>\n`;
  });
  const list = html`<dl class="govuk-summary-list${params.classes ? ` ${params.classes}` : ''}">
${rows}</dl>`;
  if (!params.card) return list;
  return html`<div class="govuk-summary-card">
<div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">${params.card.title}</h2></div>
<div class="govuk-summary-card__content">${list}</div>
</div>`;
}
