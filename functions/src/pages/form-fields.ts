import type { FieldError, FieldMeta } from '@pip/domain';
import type { SafeHtml } from '@pip/html';
import { checkboxes, input, radios, textarea } from './components';

/** A posted form as pages read it: text values by field name. */
export type FormValues = Readonly<Record<string, string | undefined>>;

/** What a staff page with forms carries beside its read model: what was posted, what needs correcting, and what was just done. */
export interface FormState {
  values: FormValues;
  errors: FieldError[];
  notice?: string;
}

export interface FieldView {
  name: string;
  meta: FieldMeta;
  value: string | undefined;
  error: string | undefined;
}

const legend = (field: FieldView) => ({ legend: { text: field.meta.title, classes: 'govuk-fieldset__legend--s' } });

function textField(field: FieldView): SafeHtml {
  const kind = field.meta['x-input'];
  return input({
    name: field.name,
    label: { text: field.meta.title, classes: 'govuk-label--s' },
    hint: field.meta.description,
    errorMessage: field.error,
    value: field.value,
    type: kind === 'email' || kind === 'tel' ? kind : 'text',
    autocomplete: field.meta['x-autocomplete'],
    spellcheck: false,
  });
}

function textareaField(field: FieldView): SafeHtml {
  return textarea({
    name: field.name,
    label: { text: field.meta.title, classes: 'govuk-label--s' },
    hint: field.meta.description,
    errorMessage: field.error,
    value: field.value,
    rows: 6,
  });
}

function radiosField(field: FieldView): SafeHtml {
  return radios({
    name: field.name,
    fieldset: legend(field),
    hint: field.meta.description,
    errorMessage: field.error,
    classes: 'govuk-radios--small',
    items: Object.entries(field.meta['x-options'] ?? {}).map(([value, text]) => ({ value, text })),
    value: field.value,
  });
}

/** One box to tick, such as consent; it posts "yes" when ticked. */
function checkboxField(field: FieldView, hintLink: SafeHtml | undefined): SafeHtml {
  return checkboxes({
    name: field.name,
    fieldset: legend(field),
    hint: field.meta.description ? (hintLink ?? field.meta.description) : undefined,
    errorMessage: field.error,
    classes: 'govuk-checkboxes--small',
    items: [{ value: 'yes', text: field.meta['x-checkbox-label'] ?? field.meta.title }],
    values: field.value === undefined ? [] : [field.value],
  });
}

/** Renders one field the way its metadata says; `hintLinks` lets a page put a link into a hint. */
export function formField(field: FieldView, hintLinks: Record<string, SafeHtml> = {}): SafeHtml {
  switch (field.meta['x-input']) {
    case 'textarea':
      return textareaField(field);
    case 'radios':
      return radiosField(field);
    case 'checkbox':
      return checkboxField(field, hintLinks[field.name]);
    default:
      return textField(field);
  }
}
