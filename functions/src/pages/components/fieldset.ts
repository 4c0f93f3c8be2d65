import { html, type SafeHtml } from '@pip/html';
import { attributes, type Content } from './field-parts';

export interface Legend {
  text: Content;
  /** Such as `govuk-fieldset__legend--m` for the size of its text. */
  classes?: string;
}

export interface FieldsetParams {
  legend?: Legend;
  describedBy?: string;
  /** `group` for fields that are parts of one answer, such as a date, so that JAWS reads the hint. */
  role?: 'group';
  classes?: string;
  content: SafeHtml;
}

export function fieldset(params: FieldsetParams): SafeHtml {
  const { legend } = params;
  const classes = `govuk-fieldset${params.classes ? ` ${params.classes}` : ''}`;
  return html`<fieldset${attributes({ class: classes, role: params.role, 'aria-describedby': params.describedBy })}>
${legend ? html`<legend class="govuk-fieldset__legend${legend.classes ? ` ${legend.classes}` : ''}">${legend.text}</legend>` : ''}
${params.content}
</fieldset>`;
}
