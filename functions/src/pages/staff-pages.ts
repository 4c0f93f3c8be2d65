import {
  applicationFields,
  applicationFlags,
  fieldMeta,
  formatUkDate,
  formatUkDateTime,
  nominatingBodies,
  regionName,
  reviewCriteria,
  reviewFields,
  reviewMean,
  reviewSchema,
  metaOf,
  sectorNames,
  type Application,
  type ApplicationFilters,
  type Area,
  type Candidate,
  type FieldError,
  type Review,
  type Sector,
  type StaffProfile,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { errorSummary, formField, simpleInput, type FormValues } from './form-fields';
import { page } from './layout';

export interface StaffView {
  name: string;
  csrfToken: string;
}

export interface AreaSummary {
  area: Area;
  stage: string;
  counts: Record<Sector, number>;
  /** The area's workflow stopped on an error and waits for staff to resume it. */
  stopped?: boolean;
}

const score = (value: number | undefined) => (value === undefined ? 'Not reviewed' : value.toFixed(2));

export function overviewPage(staff: StaffView, regions: { regionId: string; name: string; ready: boolean; areas: AreaSummary[] }[]): SafeHtml {
  return page({
    title: 'Programme overview',
    staff,
    content: html`<h1 class="govuk-heading-l">Programme overview</h1>
<p class="govuk-body"><a class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" href="/staff/new-area">Add an area</a></p>
<p class="govuk-body"><a class="govuk-link" href="/staff/reports">Evaluation report for the whole programme</a></p>
${regions.map(
  (region) => html`<h2 class="govuk-heading-m">${region.name}${region.ready ? html` <strong class="govuk-tag govuk-tag--green">Ready for its learning and mentoring event</strong>` : ''}</h2>
${region.areas.length > 0 ? html`<p class="govuk-body"><a class="govuk-link" href="/staff/regions/${encodeURIComponent(region.regionId)}/learning-event">Learning and mentoring event<span class="govuk-visually-hidden"> for ${region.name}</span></a> · <a class="govuk-link" href="/staff/regions/${encodeURIComponent(region.regionId)}/report">Evaluation report<span class="govuk-visually-hidden"> for ${region.name}</span></a></p>` : ''}
${
  region.areas.length === 0
    ? html`<p class="govuk-body">No areas yet.</p>`
    : html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Areas in ${region.name}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Area</th><th scope="col" class="govuk-table__header">Stage</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Local authority applications</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">VCS applications</th></tr></thead>
<tbody class="govuk-table__body">
${region.areas.map(
  ({ area, stage, counts, stopped }) => html`<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header"><a class="govuk-link" href="/staff/areas/${encodeURIComponent(area.areaId)}">${area.name}</a></th>
<td class="govuk-table__cell">${stage}${stopped ? html` <strong class="govuk-tag govuk-tag--red">Workflow stopped</strong>` : ''}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">${counts['local-authority']}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">${counts['voluntary-community']}</td></tr>\n`,
)}
</tbody></table>`
}\n`,
)}`,
  });
}

function option(value: string, label: string, current: string | undefined): SafeHtml {
  return html`<option value="${value}"${current === value ? html` selected` : ''}>${label}</option>`;
}

export interface ApplicationRow {
  application: Application;
  candidate: Candidate;
  reviewCount: number;
}

export interface AreaPageView {
  area: Area;
  stage: string;
  rows: ApplicationRow[];
  filters: ApplicationFilters;
  /** How many applications the area has, before filtering. */
  total: number;
  minScoreText: string;
  minScoreError?: string;
}

export function areaPage(staff: StaffView, { area, stage, rows, filters, total, minScoreText, minScoreError }: AreaPageView): SafeHtml {
  const base = `/staff/areas/${encodeURIComponent(area.areaId)}`;
  return page({
    title: `${area.name} applications`,
    staff,
    backLink: '/staff',
    hasErrors: minScoreError !== undefined,
    content: html`${errorSummary(minScoreError ? [{ field: 'minScore', message: minScoreError }] : [])}
<span class="govuk-caption-l">${regionName(area.regionId)} – ${stage}</span>
<h1 class="govuk-heading-l">${area.name}</h1>
<p class="govuk-body">Applications ${formatUkDateTime(area.recruitment.opensAt)} to ${formatUkDateTime(area.recruitment.closesAt)}.</p>
<ul class="govuk-list">
<li><a class="govuk-link" href="${base}/selection">Selection of six plus six</a></li>
<li><a class="govuk-link" href="${base}/audit">Audit log</a></li>
<li><a class="govuk-link" href="${base}/programme">Programme and timeline: visit, workshops, stages</a></li>
<li><a class="govuk-link" href="${base}/consultancy">Consultancy sessions of the leads</a></li>
<li><a class="govuk-link" href="${base}/progress-reviews">Progress reviews of the action plan</a></li>
<li><a class="govuk-link" href="${base}/report">Evaluation report</a></li>
<li><a class="govuk-link" href="${base}/applications.csv" download>Download all applications (CSV)</a></li>
</ul>
<form method="get" action="${base}" class="govuk-!-margin-bottom-6">
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-third"><div class="govuk-form-group"><label class="govuk-label" for="sector">Sector</label>
<select class="govuk-select" id="sector" name="sector">${option('', 'All sectors', filters.sector)}${option('local-authority', 'Local authority', filters.sector)}${option('voluntary-community', 'Voluntary and community sector', filters.sector)}</select></div></div>
<div class="govuk-grid-column-one-third"><div class="govuk-form-group"><label class="govuk-label" for="flag">Flag</label>
<select class="govuk-select" id="flag" name="flag">${option('', 'Any', filters.flag)}${Object.entries(applicationFlags).map(([value, label]) => option(value, label, filters.flag))}</select></div></div>
<div class="govuk-grid-column-one-third">${simpleInput('minScore', 'Mean score at least', minScoreText, minScoreError, { width: '4', inputmode: 'decimal' })}</div>
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Filter applications</button>
</form>
${total === 0
  ? html`<p class="govuk-body" role="status">No applications yet.</p>`
  : rows.length === 0
    ? html`<p class="govuk-body" role="status">None of the ${total} applications match these filters.</p>`
    : html`<p class="govuk-body" role="status">Showing ${rows.length} of ${total} applications.</p>
<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Applications for ${area.name}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Applicant</th><th scope="col" class="govuk-table__header">Organisation</th>
<th scope="col" class="govuk-table__header">Sector</th><th scope="col" class="govuk-table__header">Flags</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Reviews</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Mean score</th></tr></thead>
<tbody class="govuk-table__body">
${rows.map(
  ({ application, candidate, reviewCount }) => html`<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="${base}/applications/${encodeURIComponent(application.applicationId)}">${application.answers.fullName}</a><br><span class="govuk-body-s">${application.applicationId}</span></td>
<td class="govuk-table__cell">${application.answers.organisation}</td>
<td class="govuk-table__cell">${sectorNames[application.answers.sector]}</td>
<td class="govuk-table__cell">${flagTags(application, candidate)}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">${reviewCount}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">${score(candidate.meanScore)}</td></tr>\n`,
)}
</tbody></table>`}`,
  });
}

function flagTags(application: Application, candidate: Candidate): SafeHtml {
  const tags = [
    candidate.bmeNetwork ? 'BME network' : '',
    candidate.laaProvider ? 'LAA provider' : '',
    application.nomination ? 'Nominated' : '',
    candidate.canAttendWorkshops ? '' : 'Cannot attend',
  ].filter(Boolean);
  return html`${tags.map((tag) => html`<strong class="govuk-tag govuk-tag--grey">${tag}</strong> `)}`;
}

function summaryRow(key: string, value: string | SafeHtml | undefined): SafeHtml {
  return html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value ?? 'Not given'}</dd></div>`;
}

function answerText(name: (typeof applicationFields)[number], value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === true) return 'Yes';
  const options = fieldMeta(name)['x-options'];
  return options?.[String(value)] ?? String(value);
}

export interface ApplicationDetail {
  area: Area;
  application: Application;
  candidate: Candidate;
  reviews: Review[];
  notYetReviewed: StaffProfile[];
  myReview: FormValues;
  errors: FieldError[];
}

export function applicationPage(staff: StaffView, detail: ApplicationDetail): SafeHtml {
  const { area, application, candidate, reviews, notYetReviewed, myReview, errors } = detail;
  const errorFor = new Map(errors.map((error) => [error.field, error.message]));
  const base = `/staff/areas/${encodeURIComponent(area.areaId)}`;
  return page({
    title: `${application.answers.fullName}, ${area.name}`,
    staff,
    hasErrors: errors.length > 0,
    backLink: base,
    content: html`${errorSummary(errors)}
<span class="govuk-caption-l">${area.name} – ${application.applicationId}</span>
<h1 class="govuk-heading-l">${application.answers.fullName}</h1>
<p class="govuk-body">Applied ${formatUkDateTime(application.submittedAt)}${application.version > 1 ? `, last changed ${formatUkDateTime(application.updatedAt)}` : ''}.</p>
${
  application.nomination
    ? html`<div class="govuk-inset-text">Nominated by ${application.nomination.nominatorName} (${application.nomination.nominatorEmail}) of ${application.nomination.bodyName ?? nominatingBodies[application.nomination.body]} on ${formatUkDate(application.nomination.nominatedAt)}.${application.nomination.reason ? html`<br>They said: ${application.nomination.reason}` : ''}</div>`
    : ''
}
<dl class="govuk-summary-list">
${applicationFields.map((name) => summaryRow(fieldMeta(name).title.replace(' (optional)', ''), answerText(name, application.answers[name])))}
</dl>
<h2 class="govuk-heading-m">Reviews</h2>
<p class="govuk-body">Mean score: <strong>${score(candidate.meanScore)}</strong> from ${reviews.length} ${reviews.length === 1 ? 'review' : 'reviews'}.</p>
${
  notYetReviewed.length > 0
    ? html`<p class="govuk-body">Not yet reviewed by: ${notYetReviewed.map((member) => member.name).join(', ')}.</p>`
    : html`<p class="govuk-body">Every member of staff has reviewed this application.</p>`
}
${
  reviews.length > 0
    ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Reviews</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Reviewer</th>
${reviewCriteria.map((key) => html`<th scope="col" class="govuk-table__header govuk-table__header--numeric">${metaOf(reviewSchema.shape[key]).title}</th>`)}
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Mean</th><th scope="col" class="govuk-table__header">Note</th></tr></thead>
<tbody class="govuk-table__body">${reviews.map(
        (review) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${review.staffName}<br><span class="govuk-body-s">${formatUkDateTime(review.reviewedAt)}</span></td>
${reviewCriteria.map((key) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${review[key]}</td>`)}
<td class="govuk-table__cell govuk-table__cell--numeric">${reviewMean(review).toFixed(2)}</td><td class="govuk-table__cell">${review.note ?? ''}</td></tr>\n`,
      )}</tbody></table>`
    : ''
}
<h2 class="govuk-heading-m" id="your-review">Your review</h2>
<form method="post" action="${base}/applications/${encodeURIComponent(application.applicationId)}/reviews" novalidate>
<input type="hidden" name="csrfToken" value="${staff.csrfToken}">
${reviewFields.map((name) => formField({ name, meta: metaOf(reviewSchema.shape[name]), value: myReview[name], error: errorFor.get(name) }))}
<button type="submit" class="govuk-button" data-prevent-double-click="true">Save your review</button>
</form>`,
  });
}
