import { html, type SafeHtml } from '@pip/html';
import { attribute, type Content } from './field-parts';

export interface Legend {
  text: Content;
  /** Such as `govuk-fieldset__legend--m` for the size of its text. */
  classes?: string;
}

export interface FieldsetParams {
  legend?: Legend;
  describedBy?: string;
  /** `group` for fields that are parts of one answer, such as a date, so JAWS reads the hint. */
  role?: 'group';
  classes?: string;
  content: SafeHtml;
}

export function fieldset(params: FieldsetParams): SafeHtml {
  const { legend } = params;
  return html`<fieldset class="govuk-fieldset${params.classes ? ` ${params.classes}` : ''}"${attribute('role', params.role)}${attribute('aria-describedby', params.describedBy)}>
${legend ? html`<legend class="govuk-fieldset__legend${legend.classes ? ` ${legend.classes}` : ''}">${legend.text}</legend>` : ''}
${params.content}
</fieldset>`;
}
