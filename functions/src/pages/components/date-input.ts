import { html, type SafeHtml } from '@pip/html';
import { formGroup, hintAndError } from './field-parts';
import { fieldset } from './fieldset';
import { input } from './input';

/** The parts to show again in a date input: leading zeros dropped, as people type them. */
export function splitDate(value: string | undefined): { day: string; month: string; year: string } {
  const match = /^([^-]*)-([^-]*)-(.*)$/u.exec(value ?? '');
  if (!match) return { day: '', month: '', year: '' };
  const shown = (part: string) => (/^\d+$/u.test(part) ? String(Number(part)) : part);
  return { year: match[1]!, month: shown(match[2]!), day: shown(match[3]!) };
}

export interface DateInputParams {
  /** The date's name once joined: the body parser joins `<name>-day`, `-month` and `-year` into it. */
  name: string;
  legend: string;
  /** YYYY-MM-DD, or whatever was typed, so that a mistake can be corrected. */
  value: string | undefined;
  errorMessage?: string;
  hint?: string;
}

/**
 * GOV.UK date input: day, month and year fields in a fieldset. The day field carries the date's own
 * id, so that the error summary's link lands in it.
 */
export function dateInput(params: DateInputParams): SafeHtml {
  const { name, errorMessage } = params;
  const parts = splitDate(params.value);
  const { markup, describedBy } = hintAndError(name, params.hint ?? 'For example, 27 3 2027', errorMessage);
  const part = (which: 'day' | 'month' | 'year', width: string) =>
    html`<div class="govuk-date-input__item">${input({
      name: `${name}-${which}`,
      id: which === 'day' ? name : `${name}-${which}`,
      label: { text: which[0]!.toUpperCase() + which.slice(1), classes: 'govuk-date-input__label' },
      value: parts[which],
      inputmode: 'numeric',
      classes: `govuk-date-input__input govuk-input--width-${width}${errorMessage ? ' govuk-input--error' : ''}`,
    })}</div>`;
  return formGroup({
    error: Boolean(errorMessage),
    content: fieldset({
      legend: { text: params.legend, classes: 'govuk-fieldset__legend--s' },
      role: 'group',
      describedBy,
      content: html`${markup}
<div class="govuk-date-input">
${part('day', '2')}
${part('month', '2')}
${part('year', '4')}
</div>`,
    }),
  });
}
