import {
  actionPlanThemes,
  formatUkDateTime,
  objectiveStatuses,
  reviewOccasions,
  type ActionPlan,
  type ObjectiveSharingAnswer,
  type ProgressReview,
  type ProgressReviews,
  type ReviewOccasion,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, checkboxes, errorSummary, formWithCsrf, input, insetText, notificationBanner, radios, select, table, textarea } from './components';
import type { FormState } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-view';

/**
 * The occasion is the one staff chose to record, which the form is for. `sharing` is what staff
 * ticked on the sharing form when it is shown again to correct; otherwise the plan's own choices show.
 */
export type ProgressReviewView = ProgressReviews & FormState & { occasion: ReviewOccasion; sharing?: Record<string, ObjectiveSharingAnswer> };

/** Every objective against every review so far, with the notes given. */
function reviewsSoFar(plan: ActionPlan, reviews: readonly ProgressReview[]): SafeHtml {
  if (reviews.length === 0) return html``;
  const concerns = reviews.filter((review) => review.newConcerns);
  return html`${table({
    caption: 'Reviews so far',
    captionClasses: 'govuk-table__caption--m',
    head: ['Objective', ...reviews.map((review) => reviewOccasions[review.occasion])],
    firstCellIsHeader: true,
    rows: plan.objectives.map((objective) => [
      objective.text,
      ...reviews.map((review) => {
        const entry = review.objectives.find((candidate) => candidate.objectiveId === objective.objectiveId);
        return html`${entry ? objectiveStatuses[entry.status] : '–'}${entry?.note ? html`<br><span class="govuk-body-s">${entry.note}</span>` : ''}`;
      }),
    ]),
  })}
${concerns.map(
  (review) => html`<p class="govuk-body"><strong>New concerns at ${reviewOccasions[review.occasion].toLowerCase()}:</strong> ${review.newConcerns}</p>`,
)}`;
}

const recordedBy = (review: ProgressReview) =>
  html`<p class="govuk-body">Recorded by ${review.recordedBy}, ${formatUkDateTime(review.recordedAt)}. Saving replaces it.</p>`;

/** The form for one occasion: each objective's status and a note, and any new concerns. */
function reviewForm(staff: StaffView, view: ProgressReviewView, plan: ActionPlan, base: string): SafeHtml {
  const errors = new Map(view.errors.map((error) => [error.field, error.message]));
  const existing = view.reviews.find((review) => review.occasion === view.occasion);
  const value = (name: string, stored: string | undefined) => view.values[name] ?? stored;
  const objective = ({ objectiveId, text }: ActionPlan['objectives'][number], index: number) => {
    const stored = existing?.objectives.find((candidate) => candidate.objectiveId === objectiveId);
    return radios({
      name: `status-${objectiveId}`,
      fieldset: { legend: { text: `Objective ${String(index + 1)}: ${text}`, classes: 'govuk-fieldset__legend--s' } },
      errorMessage: errors.get(`status-${objectiveId}`),
      classes: 'govuk-radios--small govuk-radios--inline',
      items: Object.entries(objectiveStatuses).map(([key, label], optionIndex) => ({
        value: key,
        text: label,
        id: optionIndex === 0 ? undefined : `status-${objectiveId}-${key}`,
      })),
      value: value(`status-${objectiveId}`, stored?.status),
      afterInputs: input({
        name: `note-${objectiveId}`,
        label: { text: 'Note (optional)', classes: 'govuk-!-margin-top-2' },
        value: value(`note-${objectiveId}`, stored?.note),
      }),
    });
  };
  return formWithCsrf({
    action: base,
    csrfToken: staff.csrfToken,
    hidden: { occasion: view.occasion },
    content: html`${existing ? recordedBy(existing) : ''}
${plan.objectives.map(objective)}
${textarea({ name: 'newConcerns', label: { text: 'New concerns raised (optional)' }, value: value('newConcerns', existing?.newConcerns), rows: 3 })}
${button({ text: 'Save the progress review', preventDoubleClick: true })}`,
  });
}

/** Each objective's themes and whether the library shares it, over the plan's version as the page showed it. */
function sharingForm(staff: StaffView, view: ProgressReviewView, plan: ActionPlan, base: string): SafeHtml {
  const errors = new Map(view.errors.map((error) => [error.field, error.message]));
  const objective = ({ objectiveId, text, themes, shared }: ActionPlan['objectives'][number], index: number) => {
    const chosen = view.sharing?.[objectiveId] ?? { themes: themes ?? [], shared: Boolean(shared) };
    return html`${checkboxes({
      name: `themes-${objectiveId}`,
      fieldset: { legend: { text: `Objective ${String(index + 1)}: ${text}`, classes: 'govuk-fieldset__legend--s' } },
      hint: 'Themes',
      errorMessage: errors.get(`themes-${objectiveId}`),
      classes: 'govuk-checkboxes--small',
      items: Object.entries(actionPlanThemes).map(([value, label]) => ({ value, text: label })),
      values: chosen.themes,
      afterInputs: checkboxes({
        name: `share-${objectiveId}`,
        formGroup: { classes: 'govuk-!-margin-top-4 govuk-!-margin-bottom-0' },
        items: [{ value: 'yes', text: `Share objective ${String(index + 1)} in the library`, checked: chosen.shared }],
      }),
    })}`;
  };
  return formWithCsrf({
    action: `${base}/sharing`,
    csrfToken: staff.csrfToken,
    hidden: { version: String(plan.version ?? 0) },
    content: html`${plan.objectives.map(objective)}
${button({ text: 'Save themes and sharing', preventDoubleClick: true })}`,
  });
}

/** Which occasion to record: a form of its own, since choosing one reloads the page with its answers. */
function occasionChooser(view: ProgressReviewView, base: string): SafeHtml {
  return html`<form method="get" action="${base}">${select({
    name: 'occasion',
    label: { text: 'Occasion' },
    items: Object.entries(reviewOccasions).map(([key, label]) => ({ value: key, text: label })),
    value: view.occasion,
    formGroup: { afterInput: button({ text: 'Choose', classes: 'secondary', inline: true }) },
  })}</form>`;
}

/** The progress review form: each objective's status and a note, and any new concerns; with the reviews so far. */
export function progressReviewPage(staff: StaffView, view: ProgressReviewView): SafeHtml {
  const base = `/staff/areas/${encodeURIComponent(view.area.areaId)}/progress-reviews`;
  return page({
    title: `Progress reviews, ${view.area.name}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: `/staff/areas/${encodeURIComponent(view.area.areaId)}`,
    content: html`${errorSummary(view.errors)}
${notificationBanner({ type: 'success', text: view.notice })}
<span class="govuk-caption-l">${view.area.name}</span>
<h1 class="govuk-heading-l">Progress reviews</h1>
${
  !view.plan
    ? html`<p class="govuk-body">Progress is reviewed against the objectives of the action plan, which are recorded when it is agreed.</p>`
    : html`${reviewsSoFar(view.plan, view.reviews)}
<h2 class="govuk-heading-m">Record a review</h2>
${occasionChooser(view, base)}
${reviewForm(staff, view, view.plan, base)}
<h2 class="govuk-heading-m" id="sharing">Themes and the library</h2>
<p class="govuk-body">Tag each objective with its themes and choose which the <a class="govuk-link" href="/staff/library">library of action plans</a> shares with other areas, regions and the reference group, with their latest progress.</p>
${insetText({ text: 'Shared objectives are shown without the area’s name: check the wording names nobody.' })}
${sharingForm(staff, view, view.plan, base)}`
}`,
  });
}
