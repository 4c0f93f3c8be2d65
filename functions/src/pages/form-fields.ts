import type { FieldError, FieldMeta } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { splitDate } from '../kit/form-dates';

export type FormValues = Record<string, string | undefined>;

export interface FieldView {
  name: string;
  meta: FieldMeta;
  value: string | undefined;
  error: string | undefined;
}

/** GOV.UK error summary: every problem, each linking to its field, focused when the page loads. */
export function errorSummary(errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1" autofocus>
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
${errors.map((error) => html`<li><a href="#${error.field || 'main-content'}">${error.message}</a></li>\n`)}
</ul>
</div>
</div>
</div>`;
}

function errorMessage(field: FieldView): SafeHtml {
  if (!field.error) return html``;
  return html`<p id="${field.name}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${field.error}</p>`;
}

function describedBy(field: FieldView): string | undefined {
  const ids = [field.meta.description ? `${field.name}-hint` : '', field.error ? `${field.name}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function hint(field: FieldView): SafeHtml {
  return field.meta.description ? html`<div id="${field.name}-hint" class="govuk-hint">${field.meta.description}</div>` : html``;
}

function groupClass(field: FieldView): string {
  return `govuk-form-group${field.error ? ' govuk-form-group--error' : ''}`;
}

function textInput(field: FieldView): SafeHtml {
  const type = field.meta['x-input'] === 'email' ? 'email' : field.meta['x-input'] === 'tel' ? 'tel' : 'text';
  const aria = describedBy(field);
  return html`<div class="${groupClass(field)}">
<label class="govuk-label govuk-label--s" for="${field.name}">${field.meta.title}</label>
${hint(field)}${errorMessage(field)}
<input class="govuk-input${field.error ? ' govuk-input--error' : ''}" id="${field.name}" name="${field.name}" type="${type}" value="${field.value ?? ''}"${aria ? html` aria-describedby="${aria}"` : ''}${field.meta['x-autocomplete'] ? html` autocomplete="${field.meta['x-autocomplete']}"` : ''} spellcheck="false">
</div>`;
}

function textarea(field: FieldView): SafeHtml {
  const aria = describedBy(field);
  return html`<div class="${groupClass(field)}">
<label class="govuk-label govuk-label--s" for="${field.name}">${field.meta.title}</label>
${hint(field)}${errorMessage(field)}
<textarea class="govuk-textarea${field.error ? ' govuk-textarea--error' : ''}" id="${field.name}" name="${field.name}" rows="6"${aria ? html` aria-describedby="${aria}"` : ''}>${field.value ?? ''}</textarea>
</div>`;
}

function radios(field: FieldView): SafeHtml {
  const aria = describedBy(field);
  const options = Object.entries(field.meta['x-options'] ?? {});
  return html`<div class="${groupClass(field)}">
<fieldset class="govuk-fieldset"${aria ? html` aria-describedby="${aria}"` : ''}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${field.meta.title}</legend>
${hint(field)}${errorMessage(field)}
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
${options.map(([value, label], index) => {
  const id = index === 0 ? field.name : `${field.name}-${index + 1}`;
  return html`<div class="govuk-radios__item">
<input class="govuk-radios__input" id="${id}" name="${field.name}" type="radio" value="${value}"${field.value === value ? html` checked` : ''}>
<label class="govuk-label govuk-radios__label" for="${id}">${label}</label>
</div>\n`;
})}
</div>
</fieldset>
</div>`;
}

function checkbox(field: FieldView, hintLink: SafeHtml | undefined): SafeHtml {
  const aria = describedBy(field);
  return html`<div class="${groupClass(field)}">
<fieldset class="govuk-fieldset"${aria ? html` aria-describedby="${aria}"` : ''}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${field.meta.title}</legend>
${field.meta.description ? html`<div id="${field.name}-hint" class="govuk-hint">${hintLink ?? field.meta.description}</div>` : ''}
${errorMessage(field)}
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="${field.name}" name="${field.name}" type="checkbox" value="yes"${field.value === 'yes' ? html` checked` : ''}>
<label class="govuk-label govuk-checkboxes__label" for="${field.name}">${field.meta['x-checkbox-label'] ?? field.meta.title}</label>
</div>
</div>
</fieldset>
</div>`;
}

/** Renders one field the way its metadata says; `hintLinks` lets a page put a link into a hint. */
export function formField(field: FieldView, hintLinks: Record<string, SafeHtml> = {}): SafeHtml {
  switch (field.meta['x-input']) {
    case 'textarea':
      return textarea(field);
    case 'radios':
      return radios(field);
    case 'checkbox':
      return checkbox(field, hintLinks[field.name]);
    default:
      return textInput(field);
  }
}

/** GOV.UK success banner: what the last action did, announced when the page loads. Nothing without a notice. */
export function successBanner(notice: string | undefined): SafeHtml {
  if (!notice) return html``;
  return html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title"><div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="notice-title">Success</h2></div><div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${notice}</p></div></div>`;
}

/** A single labelled input outside a schema-driven form, such as a date, a time or a venue. */
export function simpleInput(name: string, label: string, value: string | undefined, error: string | undefined, options: { type?: string; width?: string; inputmode?: string } = {}): SafeHtml {
  const width = options.width ? ` govuk-input--width-${options.width}` : '';
  const inputmode = options.inputmode ? html` inputmode="${options.inputmode}"` : '';
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><label class="govuk-label" for="${name}">${label}</label>
${error ? html`<p id="${name}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : ''}
<input class="govuk-input${width}${error ? ' govuk-input--error' : ''}" id="${name}" name="${name}" type="${options.type ?? 'text'}"${inputmode} value="${value ?? ''}"${error ? html` aria-describedby="${name}-error"` : ''}></div>`;
}

/**
 * GOV.UK date input: day, month and year fields in a fieldset. The day field carries the date's own
 * id, so that the error summary's link lands in it; the body parser joins the three on the way in.
 */
export function dateInput(name: string, legend: string, value: string | undefined, error: string | undefined): SafeHtml {
  const parts = splitDate(value);
  const part = (which: 'day' | 'month' | 'year', label: string, width: string) =>
    html`<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="${which === 'day' ? name : `${name}-${which}`}">${label}</label>
<input class="govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}" id="${which === 'day' ? name : `${name}-${which}`}" name="${name}-${which}" type="text" inputmode="numeric" value="${parts[which]}"></div></div>`;
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
<fieldset class="govuk-fieldset" role="group" aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${legend}</legend>
<div id="${name}-hint" class="govuk-hint">For example, 27 3 2027</div>
${error ? html`<p id="${name}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : ''}
<div class="govuk-date-input">
${part('day', 'Day', '2')}
${part('month', 'Month', '2')}
${part('year', 'Year', '4')}
</div>
</fieldset>
</div>`;
}
