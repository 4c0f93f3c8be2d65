import { formatUkDateTime, staffProfileRules, type FieldError } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, checkboxes, errorSummary, fieldset, formWithCsrf, input, notificationBanner, textarea, twoThirds } from './components';
import { page } from './layout';
import type { StaffView } from './staff-view';

/** The areas staff may say they are connected to, under their regions. */
export interface ProfileRegion {
  regionId: string;
  name: string;
  areas: { areaId: string; name: string }[];
}

/** What the profile form shows: the stored profile's answers (or those just sent back to correct), its version and when it last changed. */
export interface ProfilePageView {
  organisation: string;
  areaIds: readonly string[];
  note: string;
  version: number;
  changedAt?: string;
  regions: ProfileRegion[];
  errors: FieldError[];
  notice?: string;
}

/** One region's areas as checkboxes; the very first box carries the field's id, so the error summary's link lands on it. */
function regionAreas(region: ProfileRegion, first: boolean, areaIds: readonly string[]): SafeHtml {
  return checkboxes({
    name: 'areaIds',
    idPrefix: `areaIds-${region.regionId}`,
    fieldset: { legend: { text: region.name, classes: 'govuk-fieldset__legend--s' } },
    classes: 'govuk-checkboxes--small',
    items: region.areas.map((area, index) => ({ value: area.areaId, text: area.name, id: first && index === 0 ? 'areaIds' : `area-${area.areaId}` })),
    values: areaIds,
  });
}

/** A member of staff records their organisation and the areas they are connected to, which decide the applications they may not review. */
export function profilePage(staff: StaffView, view: ProfilePageView): SafeHtml {
  const errors = new Map(view.errors.map((problem) => [problem.field, problem.message]));
  const areasError = errors.get('areaIds');
  return page({
    title: 'Your profile',
    staff,
    hasErrors: view.errors.length > 0,
    backLink: '/staff',
    content: twoThirds(html`${errorSummary(view.errors)}
${notificationBanner({ type: 'success', text: view.notice })}
<h1 class="govuk-heading-l">Your profile</h1>
<p class="govuk-body">The platform uses what you record here to keep reviews independent. You cannot review an applicant from your own
organisation, or any applicant in an area you are connected to; reviews you gave before recording a connection are then left out of the mean scores.</p>
<p class="govuk-body">${view.changedAt ? `Last changed ${formatUkDateTime(view.changedAt)}.` : 'You have not saved your profile yet.'}</p>
${formWithCsrf({
  action: '/staff/profile',
  csrfToken: staff.csrfToken,
  hidden: { version: String(view.version) },
  content: html`${input({
    name: 'organisation',
    label: { text: 'Your organisation', classes: 'govuk-label--m' },
    hint: 'The organisation you work for, as applicants would name it, such as "Leeds City Council" or "Voluntary Action Leeds".',
    value: view.organisation,
    errorMessage: errors.get('organisation'),
    autocomplete: 'organization',
    spellcheck: false,
  })}
${fieldset({
  legend: { text: 'Areas you are connected to', classes: 'govuk-fieldset__legend--m' },
  describedBy: 'areaIds-hint',
  content: html`<div id="areaIds-hint" class="govuk-hint">Select every area where you live, work, volunteer, sit on a board or a partnership, or hold funding.</div>
${areasError ? html`<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${areasError}</p>` : ''}
${view.regions.length === 0 ? html`<p class="govuk-body">There are no areas on the platform yet.</p>` : view.regions.map((region, index) => regionAreas(region, index === 0, view.areaIds))}`,
})}
${textarea({
  name: 'note',
  label: { text: 'Note (optional)', classes: 'govuk-label--m' },
  hint: `Anything a colleague should know about your connections. Up to ${staffProfileRules.noteMaxLength} characters.`,
  value: view.note,
  errorMessage: errors.get('note'),
  rows: 3,
})}
${button({ text: 'Save your profile', preventDoubleClick: true })}`,
})}`),
  });
}
