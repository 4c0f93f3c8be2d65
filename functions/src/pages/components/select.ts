import { html, type SafeHtml } from '@pip/html';
import { attributes, formGroup, hintAndError, label, type Content } from './field-parts';

export interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
}

export interface SelectParams {
  name: string;
  id?: string;
  label: { text: Content; classes?: string };
  hint?: Content;
  errorMessage?: string;
  items: readonly SelectItem[];
  /** The item with this value is selected, unless an item says otherwise. */
  value?: string;
  /** `afterInput`: what belongs beside the select, such as the button that applies it. */
  formGroup?: { classes?: string; afterInput?: SafeHtml };
}

export function select(params: SelectParams): SafeHtml {
  const id = params.id ?? params.name;
  const { markup, describedBy } = hintAndError(id, params.hint, params.errorMessage);
  const element = attributes({
    class: `govuk-select${params.errorMessage ? ' govuk-select--error' : ''}`,
    id,
    name: params.name,
    'aria-describedby': describedBy,
  });
  const options = params.items.map((item) => {
    const selected = item.selected ?? (params.value !== undefined && item.value === params.value);
    return html`<option${attributes({ value: item.value, selected })}>${item.text}</option>`;
  });
  return formGroup({
    error: Boolean(params.errorMessage),
    classes: params.formGroup?.classes,
    content: html`${label({ ...params.label, for: id })}
${markup}
<select${element}>${options}</select>
${params.formGroup?.afterInput ?? ''}`,
  });
}
