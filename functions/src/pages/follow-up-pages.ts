import { formatUkDateTime, type Area, type FollowUpAnswer, type FollowUpReview } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, checkboxes, formWithCsrf, notificationBanner, radios, twoThirds } from './components';
import { page } from './layout';

function attendanceQuestion(answer: FollowUpAnswer | undefined): SafeHtml {
  return radios({
    name: 'attending',
    fieldset: { legend: { text: 'Will you attend?', classes: 'govuk-fieldset__legend--m' } },
    items: [
      { value: 'yes', text: 'Yes, I will attend', checked: answer?.attending === true },
      { value: 'no', text: 'No, I cannot attend', id: 'attending-no', checked: answer?.attending === false },
    ],
  });
}

function datesQuestion(review: FollowUpReview, answer: FollowUpAnswer | undefined): SafeHtml {
  return checkboxes({
    name: 'available',
    fieldset: { legend: { text: 'Which dates can you make?', classes: 'govuk-fieldset__legend--m' } },
    hint: 'Select every date you can make. Leave them all clear if none suits you.',
    items: review.options.map((option, index) => ({
      value: option.optionId,
      text: formatUkDateTime(option.startsAt),
      id: index === 0 ? 'available' : `available-${option.optionId}`,
    })),
    values: answer?.available,
  });
}

/** A participant's page for the follow-up review: which dates suit, then whether they will attend. */
export function followUpPage(
  area: Area,
  name: string,
  review: FollowUpReview,
  answer: FollowUpAnswer | undefined,
  token: string,
  notice?: string,
): SafeHtml {
  const confirmed = review.options.find((option) => option.optionId === review.confirmedOptionId);
  return page({
    title: `Follow-up review, ${area.name}`,
    content: twoThirds(html`${notificationBanner({ type: 'success', text: notice })}
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Follow-up review</h1>
<p class="govuk-body">For ${name}. At ${review.venue}. Times are UK time.</p>
${formWithCsrf({
  action: `/follow-up/${token}`,
  content: html`${
    confirmed
      ? html`<p class="govuk-body">The review is on <strong>${formatUkDateTime(confirmed.startsAt)}</strong>.</p>
${attendanceQuestion(answer)}`
      : datesQuestion(review, answer)
  }
${button({ text: 'Send my answer', preventDoubleClick: true })}`,
})}`),
  });
}
