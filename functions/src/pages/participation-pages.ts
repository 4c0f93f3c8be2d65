import { formatUkDate, type Area, type LinkProblem } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, buttonGroup, formWithCsrf, twoThirds } from './components';
import { messagePage, page } from './layout';

const linkProblems: Record<LinkProblem, { title: string; why: string }> = {
  unknown: {
    title: 'This link does not work',
    why: 'The link may have been copied wrongly or cut short. Check that you used the whole link from the email. Nothing has been changed.',
  },
  expired: { title: 'This link has expired', why: 'Links in our emails work for a limited time, and this one has run out. Nothing has been changed.' },
  'left-group': {
    title: 'You are no longer taking part',
    why: 'This link was for members of the group, and you have withdrawn from the programme, so it no longer works. Nothing has been changed.',
  },
};

/** The answer to a link that does not open: what is wrong, in words, and nothing changed. */
export function linkProblemPage(problem: LinkProblem): SafeHtml {
  const { title, why } = linkProblems[problem];
  return messagePage(title, [
    why,
    'If you need to tell us something about your place on the programme, reply to the email you received and the programme team will help.',
  ]);
}

function confirmForm(token: string, buttons: SafeHtml[]): SafeHtml {
  return formWithCsrf({ action: `/participation/${token}`, content: buttonGroup(...buttons) });
}

export function withdrawPage(area: Area, fullName: string, token: string): SafeHtml {
  return page({
    title: 'Withdraw from the programme',
    content: twoThirds(html`<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Withdraw from the programme</h1>
<p class="govuk-body">${fullName}, if you can no longer take part in the Partnership Improvement Programme in ${area.name}, confirm below.
Your place will be offered to the next person on the reserve list, and you cannot undo this here.</p>
${confirmForm(token, [
  button({ text: 'Withdraw from the programme', name: 'action', value: 'withdraw', classes: 'warning', preventDoubleClick: true }),
])}`),
  });
}

export function offerPage(area: Area, fullName: string, token: string, answerBy: string): SafeHtml {
  return page({
    title: 'A place is available for you',
    content: twoThirds(html`<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">A place is available for you</h1>
<p class="govuk-body">${fullName}, a place has become available in the Partnership Improvement Programme in ${area.name}.
Please answer by ${formatUkDate(answerBy)}.</p>
<p class="govuk-body">Taking part means four half-day workshops over about five months,
then helping to agree and carry out your area's action plan.</p>
${confirmForm(token, [
  button({ text: 'Accept the place', name: 'action', value: 'accept', preventDoubleClick: true }),
  button({ text: 'Decline the place', name: 'action', value: 'decline', classes: 'secondary', preventDoubleClick: true }),
])}`),
  });
}

export function participationDonePage(title: string, paragraph: string): SafeHtml {
  return messagePage(title, [paragraph]);
}
