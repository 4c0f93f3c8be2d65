import { html, type SafeHtml } from '@pip/html';
import { attributes } from './field-parts';

export interface FormParams {
  action: string;
  /** Present on staff forms: the kit's staff check (`requireStaff`) refuses a post without the token of the signed-in person. */
  csrfToken?: string;
  /** Hidden fields, in order; an absent value leaves its field out. */
  hidden?: Readonly<Record<string, string | undefined>>;
  classes?: string;
  content: SafeHtml;
}

/** A form that posts; `novalidate` because the server checks every answer and says what is wrong in GOV.UK's words. */
export function formWithCsrf(params: FormParams): SafeHtml {
  const fields = { ...(params.csrfToken === undefined ? {} : { csrfToken: params.csrfToken }), ...params.hidden };
  const hidden = Object.entries(fields).map(([name, value]) =>
    value === undefined ? '' : html`<input type="hidden" name="${name}" value="${value}">`,
  );
  return html`<form${attributes({ method: 'post', action: params.action, class: params.classes, novalidate: true })}>
${hidden}
${params.content}
</form>`;
}
