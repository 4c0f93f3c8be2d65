import { unreachableInWords, unreachableWords, type UnreachableAddress } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, formWithCsrf, input, tag } from './components';
import type { StaffView } from './staff-view';

/**
 * The applicant's address and whether the platform can reach it: where it could not, why, and a
 * form to correct it after checking with the person, which sends the email that did not arrive.
 */
export function emailAddressSection(
  staff: StaffView,
  action: string,
  address: string,
  unreachable: UnreachableAddress | undefined,
  correction: { value?: string; error?: string },
): SafeHtml {
  const status = unreachable
    ? html`<p class="govuk-body">${tag({ text: unreachableWords[unreachable.problem], classes: 'govuk-tag--red' })}</p>
<p class="govuk-body">${unreachableInWords(unreachable)}</p>`
    : html`<p class="govuk-body">No email to this address has failed.</p>`;
  const form = formWithCsrf({
    action,
    csrfToken: staff.csrfToken,
    content: html`<input type="hidden" name="previous" value="${address}">
${unreachable ? html`<input type="hidden" name="failed" value="${unreachable.messageId}">` : ''}
${input({
      name: 'email',
      type: 'email',
      autocomplete: 'off',
      spellcheck: false,
      label: { text: 'Corrected email address', classes: 'govuk-label--s' },
      hint: unreachable
        ? 'Check it with the person first. The email that did not arrive is sent to the corrected address.'
        : 'Check it with the person first.',
      value: correction.value,
      errorMessage: correction.error,
    })}
${button({ text: unreachable ? 'Correct the address and send the email again' : 'Correct the address', classes: 'secondary', preventDoubleClick: true })}`,
  });
  return html`<h2 class="govuk-heading-m" id="email-address">Email address</h2>
<p class="govuk-body"><a class="govuk-link" href="mailto:${address}">${address}</a></p>
${status}
${form}`;
}
