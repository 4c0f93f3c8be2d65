import { htmlResponse } from '../kit/responses';
import { formatUkDate, type Area } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { messagePage, page } from './layout';

/** The answer to a link that is not whole, not known or expired: a clear page, 404 or 410, nothing changed. */
export function linkProblemResponse(problem: 'unknown' | 'expired') {
  return htmlResponse(problem === 'expired' ? 410 : 404, linkProblemPage(problem));
}

export function linkProblemPage(problem: 'unknown' | 'expired'): SafeHtml {
  return messagePage(problem === 'expired' ? 'This link has expired' : 'This link does not work', [
    problem === 'expired'
      ? 'Links in our emails work for a limited time, and this one has run out. Nothing has been changed.'
      : 'The link may have been copied wrongly or cut short. Check that you used the whole link from the email. Nothing has been changed.',
    'If you need to tell us something about your place on the programme, reply to the email you received and the programme team will help.',
  ]);
}

function confirmForm(token: string, buttons: SafeHtml): SafeHtml {
  return html`<form method="post" action="/participation/${token}" novalidate><div class="govuk-button-group">${buttons}</div></form>`;
}

export function withdrawPage(area: Area, fullName: string, token: string): SafeHtml {
  return page({
    title: 'Withdraw from the programme',
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Withdraw from the programme</h1>
<p class="govuk-body">${fullName}, if you can no longer take part in the Partnership Improvement Programme in ${area.name}, confirm below. Your place will be offered to the next person on the reserve list, and you cannot undo this here.</p>
${confirmForm(token, html`<button type="submit" name="action" value="withdraw" class="govuk-button govuk-button--warning" data-prevent-double-click="true">Withdraw from the programme</button>`)}
</div></div>`,
  });
}

export function offerPage(area: Area, fullName: string, token: string, answerBy: string): SafeHtml {
  return page({
    title: 'A place is available for you',
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">A place is available for you</h1>
<p class="govuk-body">${fullName}, a place has become available in the Partnership Improvement Programme in ${area.name}. Please answer by ${formatUkDate(answerBy)}.</p>
<p class="govuk-body">Taking part means four half-day workshops over about five months, then helping to agree and carry out your area's action plan.</p>
${confirmForm(token, html`<button type="submit" name="action" value="accept" class="govuk-button" data-prevent-double-click="true">Accept the place</button>
<button type="submit" name="action" value="decline" class="govuk-button govuk-button--secondary" data-prevent-double-click="true">Decline the place</button>`)}
</div></div>`,
  });
}

export function participationDonePage(title: string, paragraph: string): SafeHtml {
  return messagePage(title, [paragraph]);
}
