import {
  bestFollowUpOption,
  bookingsOf,
  fewHaveAnswered,
  followUpProposable,
  followUpRules,
  followUpTally,
  formatUkDateTime,
  reminderField,
  type ConsultancyOverview,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, dateInput, fieldset, formWithCsrf, input, radios, summaryList, tag, timeInput, warningText } from './components';
import type { FormState } from './form-fields';
import { reminderSection } from './reminder-section';

type StaffConsultancyView = ConsultancyOverview & FormState;

/** Staff propose dates for the follow-up review once session two has taken place. */
function followUpProposal(view: StaffConsultancyView, base: string, csrfToken: string, errors: Map<string, string>): SafeHtml {
  const time = (name: string, label: string, fallback: string) =>
    timeInput({ name, label, value: view.values[name] ?? fallback, errorMessage: errors.get(name) });
  const date = (name: string) => dateInput({ name, legend: 'Date', value: view.values[name], errorMessage: errors.get(name) });
  const option = (n: number) =>
    fieldset({
      classes: 'govuk-!-margin-bottom-4',
      legend: { text: `Date ${n}${n > followUpRules.fewestDates ? ' (optional)' : ''}`, classes: 'govuk-fieldset__legend--s' },
      content: html`${date(`follow-up-${n}-date`)}
${time(`follow-up-${n}-start`, 'Start (UK time)', followUpRules.defaultStartTime)}
${time(`follow-up-${n}-end`, 'End (UK time)', followUpRules.defaultEndTime)}`,
    });
  return formWithCsrf({
    action: `${base}/follow-up`,
    csrfToken,
    content: html`${Array.from({ length: followUpRules.mostDates }, (_, index) => option(index + 1))}
${input({ name: 'follow-up-venue', label: { text: 'Venue' }, value: view.values['follow-up-venue'], errorMessage: errors.get('follow-up-venue') })}
${button({ text: 'Propose the dates and ask every participant', classes: 'secondary', preventDoubleClick: true })}`,
  });
}

/** The names behind the counts: who has answered the dates (or, once confirmed, the invitation) and who has not. */
function whoHasAnswered(view: StaffConsultancyView, confirmed: boolean): SafeHtml {
  const hasAnswered = (answer: StaffConsultancyView['answers'][number]) => (confirmed ? answer.attending !== undefined : answer.answeredDates);
  const answeredIds = new Set(view.answers.filter(hasAnswered).map((answer) => answer.applicationId));
  const names = (answered: boolean) => view.group.filter((member) => answeredIds.has(member.applicationId) === answered).map((member) => member.name);
  return summaryList({
    rows: [
      { key: 'Answered', value: names(true).join(', ') || 'Nobody yet' },
      { key: 'Not answered yet', value: names(false).join(', ') || 'Nobody' },
    ],
  });
}

/** The follow-up review on the staff page: propose dates, see who has answered, remind those who have not, confirm a date. */
export function followUpSection(view: StaffConsultancyView, base: string, csrfToken: string, errors: Map<string, string>): SafeHtml {
  const review = view.followUp;
  if (!review) {
    if (!followUpProposable(bookingsOf(view.states))) return html`<p class="govuk-body">Propose dates once consultancy session two has taken place.</p>`;
    return followUpProposal(view, base, csrfToken, errors);
  }
  const best = bestFollowUpOption(review, view.answers);
  const tally = followUpTally(review, view.answers);
  const answers = review.confirmedOptionId ? ` ${tally.attending} will attend, ${tally.declining} cannot.` : '';
  const few = fewHaveAnswered(tally.answered, view.group.length);
  const confirm = formWithCsrf({
    action: `${base}/follow-up/confirm`,
    csrfToken,
    content: html`${few ? warningText({ text: `Only ${tally.answered} of the ${view.group.length} in the group have answered so far.` }) : ''}
${radios({
  name: 'optionId',
  idPrefix: 'follow-up-confirm',
  fieldset: { legend: { text: 'Date to confirm', classes: 'govuk-fieldset__legend--s' } },
  hint: 'The date most can make is chosen; choose another if the group should meet then.',
  errorMessage: errors.get('follow-up-confirm'),
  items: tally.options.map((option) => ({ value: option.optionId, text: `${formatUkDateTime(option.startsAt)} (${String(option.canMake)} can make it)` })),
  value: best?.optionId,
})}
${button({ text: 'Confirm this date and invite everyone' })}`,
  });
  const confirmed = review.confirmedOptionId !== undefined;
  const remind = confirmed
    ? ''
    : reminderSection({
        id: reminderField('follow-up'),
        action: `${base}/follow-up/reminders`,
        csrfToken,
        last: view.reminders['follow-up'],
        canRemind: view.group.some((member) => !view.answers.some((answer) => answer.applicationId === member.applicationId && answer.answeredDates)),
      });
  return html`<ul class="govuk-list">${tally.options.map(
    (option) =>
      html`<li>${formatUkDateTime(option.startsAt)}: ${String(option.canMake)} can make it${
        option.optionId === review.confirmedOptionId ? html` ${tag({ text: 'Confirmed' })}` : ''
      }</li>`,
  )}</ul>
<p class="govuk-body">${String(tally.answered)} participants have answered.${answers}</p>
${whoHasAnswered(view, confirmed)}
${remind}
${confirmed || !best ? '' : confirm}`;
}
