import { html, type SafeHtml } from '@pip/html';
import { attributes, formGroup, hintAndError, label, type Content } from './field-parts';

export interface TextareaParams {
  name: string;
  id?: string;
  label: { text: Content; classes?: string };
  hint?: Content;
  errorMessage?: string;
  value?: string;
  rows?: number;
}

export function textarea(params: TextareaParams): SafeHtml {
  const id = params.id ?? params.name;
  const { markup, describedBy } = hintAndError(id, params.hint, params.errorMessage);
  const element = attributes({
    class: `govuk-textarea${params.errorMessage ? ' govuk-textarea--error' : ''}`,
    id,
    name: params.name,
    rows: String(params.rows ?? 5),
    'aria-describedby': describedBy,
  });
  return formGroup({
    error: Boolean(params.errorMessage),
    content: html`${label({ ...params.label, for: id })}
${markup}
<textarea${element}>${params.value ?? ''}</textarea>
`,
  });
}
