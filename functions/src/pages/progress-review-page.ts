import { formatUkDateTime, objectiveStatuses, reviewOccasions, type ActionPlan, type Area, type FieldError, type ProgressReview, type ReviewOccasion } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { errorSummary, type FormValues, successBanner } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-pages';

export interface ProgressReviewView {
  area: Area;
  plan: ActionPlan | undefined;
  reviews: ProgressReview[];
  occasion: ReviewOccasion;
  values: FormValues;
  errors: FieldError[];
  notice?: string;
}

/** The progress review form: each objective's status and a note, and any new concerns; with the reviews so far. */
export function progressReviewPage(staff: StaffView, view: ProgressReviewView): SafeHtml {
  const errors = new Map(view.errors.map((error) => [error.field, error.message]));
  const base = `/staff/areas/${encodeURIComponent(view.area.areaId)}/progress-reviews`;
  const existing = view.reviews.find((review) => review.occasion === view.occasion);
  const value = (name: string, stored: string | undefined) => view.values[name] ?? stored;
  return page({
    title: `Progress reviews, ${view.area.name}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: `/staff/areas/${encodeURIComponent(view.area.areaId)}`,
    content: html`${errorSummary(view.errors)}
${successBanner(view.notice)}
<span class="govuk-caption-l">${view.area.name}</span>
<h1 class="govuk-heading-l">Progress reviews</h1>
${
  !view.plan
    ? html`<p class="govuk-body">Progress is reviewed against the objectives of the action plan, which are recorded when it is agreed.</p>`
    : html`${
        view.reviews.length === 0
          ? ''
          : html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Reviews so far</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Objective</th>${view.reviews.map((review) => html`<th scope="col" class="govuk-table__header">${reviewOccasions[review.occasion]}</th>`)}</tr></thead>
<tbody class="govuk-table__body">${view.plan.objectives.map(
              (objective) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${objective.text}</th>${view.reviews.map((review) => {
                const entry = review.objectives.find((candidate) => candidate.objectiveId === objective.objectiveId);
                return html`<td class="govuk-table__cell">${entry ? objectiveStatuses[entry.status] : '–'}${entry?.note ? html`<br><span class="govuk-body-s">${entry.note}</span>` : ''}</td>`;
              })}</tr>`,
            )}</tbody></table>
${view.reviews.filter((review) => review.newConcerns).map((review) => html`<p class="govuk-body"><strong>New concerns at ${reviewOccasions[review.occasion].toLowerCase()}:</strong> ${review.newConcerns}</p>`)}`
      }
<h2 class="govuk-heading-m">Record a review</h2>
<form method="get" action="${base}"><div class="govuk-form-group"><label class="govuk-label" for="occasion">Occasion</label>
<select class="govuk-select" id="occasion" name="occasion">${Object.entries(reviewOccasions).map(([key, label]) => html`<option value="${key}"${key === view.occasion ? html` selected` : ''}>${label}</option>`)}</select>
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Choose</button></div></form>
<form method="post" action="${base}" novalidate><input type="hidden" name="csrfToken" value="${staff.csrfToken}"><input type="hidden" name="occasion" value="${view.occasion}">
${existing ? html`<p class="govuk-body">Recorded by ${existing.recordedBy}, ${formatUkDateTime(existing.recordedAt)}. Saving replaces it.</p>` : ''}
${view.plan.objectives.map((objective, index) => {
  const stored = existing?.objectives.find((candidate) => candidate.objectiveId === objective.objectiveId);
  const status = value(`status-${objective.objectiveId}`, stored?.status);
  const error = errors.get(`status-${objective.objectiveId}`);
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Objective ${String(index + 1)}: ${objective.text}</legend>
${error ? html`<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : ''}
<div class="govuk-radios govuk-radios--small govuk-radios--inline">${Object.entries(objectiveStatuses).map(
    ([key, label], optionIndex) => html`<div class="govuk-radios__item"><input class="govuk-radios__input" id="${optionIndex === 0 ? `status-${objective.objectiveId}` : `status-${objective.objectiveId}-${key}`}" name="status-${objective.objectiveId}" type="radio" value="${key}"${status === key ? html` checked` : ''}><label class="govuk-label govuk-radios__label" for="${optionIndex === 0 ? `status-${objective.objectiveId}` : `status-${objective.objectiveId}-${key}`}">${label}</label></div>`,
  )}</div>
<label class="govuk-label govuk-!-margin-top-2" for="note-${objective.objectiveId}">Note (optional)</label>
<input class="govuk-input" id="note-${objective.objectiveId}" name="note-${objective.objectiveId}" type="text" value="${value(`note-${objective.objectiveId}`, stored?.note) ?? ''}"></fieldset></div>`;
})}
<div class="govuk-form-group"><label class="govuk-label" for="newConcerns">New concerns raised (optional)</label><textarea class="govuk-textarea" id="newConcerns" name="newConcerns" rows="3">${value('newConcerns', existing?.newConcerns) ?? ''}</textarea></div>
<button type="submit" class="govuk-button" data-prevent-double-click="true">Save the progress review</button></form>`
}`,
  });
}
