import { html, type SafeHtml } from '@pip/html';
import { attributes, type Content } from './field-parts';

export interface ButtonParams {
  text: Content;
  name?: string;
  value?: string;
  /** GOV.UK's modifier by its short name: `secondary` for a lesser action, `warning` for one that destroys. */
  classes?: 'secondary' | 'warning';
  /** Keeps no margin below, for a button in a line of other things such as the header or beside a select. */
  inline?: boolean;
  /** For buttons that post a change, so that a second click does not send it twice once JavaScript runs. */
  preventDoubleClick?: boolean;
  /** Makes the button a link that looks like one, for an action that only opens a page. */
  href?: string;
  id?: string;
}

export function button(params: ButtonParams): SafeHtml {
  const modifier = params.classes ? ` govuk-button--${params.classes}` : '';
  const common = attributes({
    class: `govuk-button${modifier}${params.inline ? ' govuk-!-margin-bottom-0' : ''}`,
    'data-module': 'govuk-button',
    id: params.id,
  });
  // No role="button" on the link, unlike GOV.UK's macro: without JavaScript the space bar would not work it.
  if (params.href !== undefined) return html`<a href="${params.href}"${common}>${params.text}</a>`;
  const submit = attributes({ type: 'submit', name: params.name, value: params.value });
  const once = attributes({ 'data-prevent-double-click': params.preventDoubleClick ? 'true' : undefined });
  return html`<button${submit}${common}${once}>${params.text}</button>`;
}

/** Buttons side by side, or stacked on a narrow screen. */
export function buttonGroup(...buttons: SafeHtml[]): SafeHtml {
  return html`<div class="govuk-button-group">${buttons}</div>`;
}
