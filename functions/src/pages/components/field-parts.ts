import { html, type SafeHtml } from '@pip/html';

/** Words a component shows: a string is escaped, SafeHtml is markup (GOV.UK's `text` and `html` in one parameter). */
export type Content = string | SafeHtml;

export function label(params: { text: Content; for: string; classes?: string }): SafeHtml {
  return html`<label class="govuk-label${params.classes ? ` ${params.classes}` : ''}" for="${params.for}">${params.text}</label>`;
}

export function hint(params: { id?: string; text: Content }): SafeHtml {
  return html`<div${attributes({ id: params.id, class: 'govuk-hint' })}>${params.text}</div>`;
}

/** Screen readers hear "Error:" first, so the message makes sense read out of context. */
export function errorMessage(params: { id?: string; text: Content }): SafeHtml {
  return html`<p${attributes({ id: params.id, class: 'govuk-error-message' })}><span class="govuk-visually-hidden">Error:</span> ${params.text}</p>`;
}

/** A question's wrapper; an error marks the whole question, as GOV.UK does, with a red bar beside it. */
export function formGroup(params: { error?: boolean; classes?: string; content: SafeHtml }): SafeHtml {
  const classes = `govuk-form-group${params.error ? ' govuk-form-group--error' : ''}${params.classes ? ` ${params.classes}` : ''}`;
  return html`<div class="${classes}">${params.content}</div>`;
}

/**
 * The hint and error message of a question whose id is `id`, and the `aria-describedby` that ties them
 * to its control, so a screen reader reads both when the control is focused.
 */
export function hintAndError(id: string, hintText: Content | undefined, errorText: string | undefined) {
  const hintId = hintText ? `${id}-hint` : undefined;
  const errorId = errorText ? `${id}-error` : undefined;
  return {
    markup: html`${hintText ? hint({ id: hintId, text: hintText }) : ''}${errorText ? errorMessage({ id: errorId, text: errorText }) : ''}`,
    describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined,
  };
}

/**
 * Attributes in the order given, like GOV.UK's `govukAttributes`: absent or false ones are left out,
 * and `true` writes a bare attribute such as `checked`.
 */
export function attributes(values: Readonly<Record<string, string | boolean | undefined>>): SafeHtml {
  return html`${Object.entries(values).map(([name, value]) =>
    value === undefined || value === false ? '' : value === true ? html` ${name}` : html` ${name}="${value}"`,
  )}`;
}
