import { formatUkDateTime, type Area, type FollowUpAnswer, type FollowUpReview } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { successBanner } from './form-fields';
import { page } from './layout';

/** A participant's page for the follow-up review: which dates suit, then whether they will attend. */
export function followUpPage(area: Area, name: string, review: FollowUpReview, answer: FollowUpAnswer | undefined, token: string, notice?: string): SafeHtml {
  const confirmed = review.options.find((option) => option.optionId === review.confirmedOptionId);
  return page({
    title: `Follow-up review, ${area.name}`,
    content: html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${successBanner(notice)}
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Follow-up review</h1>
<p class="govuk-body">For ${name}. At ${review.venue}. Times are UK time.</p>
<form method="post" action="/follow-up/${token}" novalidate>
${
  confirmed
    ? html`<p class="govuk-body">The review is on <strong>${formatUkDateTime(confirmed.startsAt)}</strong>.</p>
<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Will you attend?</legend><div class="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="attending" name="attending" type="radio" value="yes"${answer?.attending === true ? html` checked` : ''}><label class="govuk-label govuk-radios__label" for="attending">Yes, I will attend</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="attending-no" name="attending" type="radio" value="no"${answer?.attending === false ? html` checked` : ''}><label class="govuk-label govuk-radios__label" for="attending-no">No, I cannot attend</label></div>
</div></fieldset></div>`
    : html`<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Which dates can you make?</legend>
<div class="govuk-hint">Select every date you can make. Leave them all clear if none suits you.</div><div class="govuk-checkboxes">${review.options.map(
      (option, index) => html`<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="${index === 0 ? 'available' : `available-${option.optionId}`}" name="available" type="checkbox" value="${option.optionId}"${answer?.available.includes(option.optionId) ? html` checked` : ''}>
<label class="govuk-label govuk-checkboxes__label" for="${index === 0 ? 'available' : `available-${option.optionId}`}">${formatUkDateTime(option.startsAt)}</label></div>`,
    )}</div></fieldset></div>`
}
<button type="submit" class="govuk-button" data-prevent-double-click="true">Send my answer</button>
</form></div></div>`,
  });
}
