import { html, type SafeHtml } from '@pip/html';
import { attributes, formGroup, hintAndError, type Content } from './field-parts';
import { fieldset, type Legend } from './fieldset';

/** GOV.UK's radios and checkboxes: the same markup but for the kind of input. */
type Kind = 'radios' | 'checkboxes';

export interface ChoiceItem {
  value: string;
  text: Content;
  /** By default the first item's id is the id prefix itself, so an error summary link lands on it; then `-2`, `-3`… */
  id?: string;
  checked?: boolean;
}

export interface ItemsParams {
  name: string;
  /** The name unless given. */
  idPrefix?: string;
  items: readonly ChoiceItem[];
  /** Such as `govuk-radios--small govuk-radios--inline`. */
  classes?: string;
}

export interface ChoicesParams extends ItemsParams {
  fieldset?: { legend: Legend };
  hint?: Content;
  errorMessage?: string;
  formGroup?: { classes?: string };
  /** A field that belongs to the same question, such as a note, inside the fieldset after the choices. */
  afterInputs?: SafeHtml;
}

function items(kind: Kind, params: ItemsParams, isChecked: (item: ChoiceItem) => boolean): SafeHtml {
  const idPrefix = params.idPrefix ?? params.name;
  const type = kind === 'radios' ? 'radio' : 'checkbox';
  return html`<div class="govuk-${kind}${params.classes ? ` ${params.classes}` : ''}" data-module="govuk-${kind}">
${params.items.map((item, index) => {
  const id = item.id ?? (index === 0 ? idPrefix : `${idPrefix}-${index + 1}`);
  const input = attributes({ class: `govuk-${kind}__input`, id, name: params.name, type, value: item.value, checked: isChecked(item) });
  return html`<div class="govuk-${kind}__item"><input${input}>
<label class="govuk-label govuk-${kind}__label" for="${id}">${item.text}</label></div>\n`;
})}</div>`;
}

function choices(kind: Kind, params: ChoicesParams, isChecked: (item: ChoiceItem) => boolean): SafeHtml {
  const { markup, describedBy } = hintAndError(params.idPrefix ?? params.name, params.hint, params.errorMessage);
  const content = html`${markup}
${items(kind, params, isChecked)}
${params.afterInputs ?? ''}`;
  return formGroup({
    error: Boolean(params.errorMessage),
    classes: params.formGroup?.classes,
    content: params.fieldset ? fieldset({ legend: params.fieldset.legend, describedBy, content }) : content,
  });
}

/** The radios alone, for a page that lays out a question itself, such as times grouped under their days. */
export function radioItems(params: ItemsParams & { value?: string }): SafeHtml {
  return items('radios', params, (item) => item.checked ?? item.value === params.value);
}

export function radios(params: ChoicesParams & { value?: string }): SafeHtml {
  return choices('radios', params, (item) => item.checked ?? item.value === params.value);
}

/** The checkboxes alone, for a page that lays out a question itself, such as a column of a table. */
export function checkboxItems(params: ItemsParams & { values?: readonly string[] }): SafeHtml {
  return items('checkboxes', params, (item) => item.checked ?? params.values?.includes(item.value) ?? false);
}

export function checkboxes(params: ChoicesParams & { values?: readonly string[] }): SafeHtml {
  return choices('checkboxes', params, (item) => item.checked ?? params.values?.includes(item.value) ?? false);
}
