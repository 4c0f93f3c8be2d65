import { html, type SafeHtml } from '@pip/html';
import { attributes, formGroup, hintAndError, label, type Content } from './field-parts';

export interface InputParams {
  name: string;
  /** The name unless given, so that an error summary link to the name lands in the field. */
  id?: string;
  label: { text: Content; classes?: string };
  hint?: Content;
  errorMessage?: string;
  value?: string;
  type?: 'text' | 'email' | 'tel' | 'time';
  inputmode?: 'numeric' | 'decimal';
  autocomplete?: string;
  spellcheck?: boolean;
  /** Such as `govuk-input--width-4`. */
  classes?: string;
  formGroup?: { classes?: string };
}

export function input(params: InputParams): SafeHtml {
  const id = params.id ?? params.name;
  const { markup, describedBy } = hintAndError(id, params.hint, params.errorMessage);
  const element = attributes({
    class: `govuk-input${params.classes ? ` ${params.classes}` : ''}${params.errorMessage ? ' govuk-input--error' : ''}`,
    id,
    name: params.name,
    type: params.type ?? 'text',
    inputmode: params.inputmode,
    value: params.value ?? '',
    'aria-describedby': describedBy,
    autocomplete: params.autocomplete,
    spellcheck: params.spellcheck === undefined ? undefined : String(params.spellcheck),
  });
  return formGroup({
    error: Boolean(params.errorMessage),
    classes: params.formGroup?.classes,
    content: html`${label({ ...params.label, for: id })}
${markup}
<input${element}>
`,
  });
}

/** A time of day, HH:MM, wide enough for it; browsers offer their own way to pick one. */
export function timeInput(params: { name: string; label: string; value: string | undefined; errorMessage: string | undefined }): SafeHtml {
  return input({ ...params, label: { text: params.label }, type: 'time', classes: 'govuk-input--width-5' });
}
