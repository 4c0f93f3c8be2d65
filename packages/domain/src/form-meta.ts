/**
 * What a form page needs to know about a field beyond its validation rules. It rides on the zod
 * schema as metadata, so the same schema renders the form, validates it and documents the API.
 */
export type FieldInput = 'text' | 'email' | 'tel' | 'textarea' | 'radios' | 'checkbox';

export type FieldMeta = {
  title: string;
  description?: string;
  'x-input': FieldInput;
  /** Option value to the words a person reads, in display order. */
  'x-options'?: Record<string, string>;
  'x-max-words'?: number;
  /** For autocomplete attributes, per WCAG 1.3.5. */
  'x-autocomplete'?: string;
  /** The wording of a checkbox itself, beside the question. */
  'x-checkbox-label'?: string;
  /** The posted value is a number, such as a score chosen with radios. */
  'x-number'?: boolean;
};
