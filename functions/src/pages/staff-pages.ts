import {
  answerInWords,
  answerTitle,
  applicationFields,
  applicationFlags,
  formatUkDate,
  formatUkDateTime,
  nominatingBodies,
  regionName,
  reviewCriteria,
  reviewFields,
  reviewMean,
  reviewSchema,
  metaOf,
  rosterStatusInWords,
  scoreText,
  sectorNames,
  sectorTitle,
  sectors,
  type Application,
  type ApplicationUnderReview,
  type AreaApplications,
  type Candidate,
  type ConflictOfInterest,
  type FieldError,
  type Nomination,
  type RegionOverview,
  type RequestedFilters,
  type Review,
  type RosterStatus,
  type UnreachableAddress,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, column, errorSummary, formWithCsrf, gridRow, input, insetText, notificationBanner, select, summaryList, table, tag, textarea, warningText, type TableCell } from './components';
import { emailAddressSection } from './email-address-section';
import { formField, type FormValues } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-view';

const score = (value: number | undefined) => (value === undefined ? 'Not reviewed' : scoreText(value));
const numeric = (text: string | number): TableCell => ({ text: String(text), format: 'numeric' });

function regionAreas(region: RegionOverview): SafeHtml {
  if (region.areas.length === 0) return html`<p class="govuk-body">No areas yet.</p>`;
  const path = `/staff/regions/${encodeURIComponent(region.regionId)}`;
  const forRegion = html`<span class="govuk-visually-hidden"> for ${region.name}</span>`;
  return html`<p class="govuk-body"><a class="govuk-link" href="${path}/learning-event">Learning and mentoring event${forRegion}</a> ·
<a class="govuk-link" href="${path}/report">Evaluation report${forRegion}</a></p>
${table({
  caption: `Areas in ${region.name}`,
  captionClasses: 'govuk-visually-hidden',
  head: ['Area', 'Stage', numeric('Local authority applications'), numeric('VCS applications')],
  firstCellIsHeader: true,
  rows: region.areas.map(({ area, stage, counts, stopped }) => [
    html`<a class="govuk-link" href="/staff/areas/${encodeURIComponent(area.areaId)}">${area.name}</a>`,
    html`${stage}${stopped ? html` ${tag({ text: 'Workflow stopped', classes: 'govuk-tag--red' })}` : ''}`,
    numeric(counts['local-authority']),
    numeric(counts['voluntary-community']),
  ]),
})}`;
}

export function overviewPage(staff: StaffView, regions: readonly RegionOverview[]): SafeHtml {
  return page({
    title: 'Programme overview',
    staff,
    content: html`<h1 class="govuk-heading-l">Programme overview</h1>
<p class="govuk-body">${button({ text: 'Add an area', href: '/staff/new-area', classes: 'secondary', inline: true })}</p>
<ul class="govuk-list">
<li><a class="govuk-link" href="/staff/people">Find a person in any area, by name or email address</a></li>
<li><a class="govuk-link" href="/staff/reports">Evaluation report for the whole programme</a></li>
<li><a class="govuk-link" href="/staff/partners">Nomination partners and their links</a></li>
</ul>
${regions.map(
  (region) => html`<h2 class="govuk-heading-m">${region.name}${
    region.ready ? html` ${tag({ text: 'Ready for its learning and mentoring event', classes: 'govuk-tag--green' })}` : ''
  }</h2>
${regionAreas(region)}\n`,
)}`,
  });
}

/** An area's applications, with the filters staff asked for and where each applicant stands, by reference. */
export type AreaPageView = AreaApplications &
  RequestedFilters & { statuses: Record<string, RosterStatus>; /** Reviews left out for a conflict of interest, by reference. */ conflictedCounts?: Record<string, number> };

function filterForm(base: string, { filters, minScoreText, minScoreError }: AreaPageView): SafeHtml {
  const sectorItems = [{ value: '', text: 'All sectors' }, ...sectors.map((sector) => ({ value: sector, text: sectorTitle(sector) }))];
  const flagItems = [{ value: '', text: 'Any' }, ...Object.entries(applicationFlags).map(([value, text]) => ({ value, text }))];
  return html`<form method="get" action="${base}" class="govuk-!-margin-bottom-6">
${gridRow(
  column('one-third', select({ name: 'sector', label: { text: 'Sector' }, items: sectorItems, value: filters.sector })),
  column('one-third', select({ name: 'flag', label: { text: 'Flag' }, items: flagItems, value: filters.flag })),
  column(
    'one-third',
    input({
      name: 'minScore',
      label: { text: 'Mean score at least' },
      value: minScoreText,
      errorMessage: minScoreError,
      classes: 'govuk-input--width-4',
      inputmode: 'decimal',
    }),
  ),
)}
${button({ text: 'Filter applications', classes: 'secondary' })}
</form>`;
}

function flagTags(application: Application, candidate: Candidate): SafeHtml {
  const tags = [
    candidate.bmeNetwork ? 'BME network' : '',
    candidate.laaProvider ? 'LAA provider' : '',
    application.nomination ? 'Nominated' : '',
    candidate.canAttendWorkshops ? '' : 'Cannot attend',
  ].filter(Boolean);
  return html`${tags.map((text) => html`${tag({ text, classes: 'govuk-tag--grey' })} `)}`;
}

/** An application's independent reviews, and how many were left out when any were. */
function independentReviews(count: number, leftOut: number): TableCell {
  return numeric(leftOut > 0 ? `${count} (${leftOut} left out)` : count);
}

function applicationsTable(base: string, { area, rows, total, statuses, conflictedCounts = {} }: AreaPageView): SafeHtml {
  if (total === 0) return html`<p class="govuk-body" role="status">No applications yet.</p>`;
  if (rows.length === 0) return html`<p class="govuk-body" role="status">None of the ${total} applications match these filters.</p>`;
  return html`<p class="govuk-body" role="status">Showing ${rows.length} of ${total} applications.</p>
<p class="govuk-body">Review counts and mean scores are of independent reviews only: a review by a member of staff with a conflict of interest
(their organisation, an area they are connected to, or a conflict they declared) is left out, as the selection leaves it out.</p>
${table({
  caption: `Applications for ${area.name}`,
  captionClasses: 'govuk-visually-hidden',
  head: ['Applicant', 'Organisation', 'Sector', 'Status', 'Flags', numeric('Independent reviews'), numeric('Mean score')],
  rows: rows.map(({ application, candidate, reviewCount }) => {
    const { applicationId, answers } = application;
    const href = `${base}/applications/${encodeURIComponent(applicationId)}`;
    return [
      html`<a class="govuk-link" href="${href}">${answers.fullName}</a><br><span class="govuk-body-s">${applicationId}</span>`,
      answers.organisation,
      sectorNames[answers.sector],
      rosterStatusInWords(statuses[applicationId] ?? { kind: 'awaiting-selection' }),
      flagTags(application, candidate),
      independentReviews(reviewCount, conflictedCounts[applicationId] ?? 0),
      numeric(score(candidate.meanScore)),
    ];
  }),
})}`;
}

export function areaPage(staff: StaffView, view: AreaPageView): SafeHtml {
  const { area, stage, minScoreError } = view;
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
<li><a class="govuk-link" href="${base}/roster">Roster: everyone who applied, where they stand, attendance and emails</a></li>
<li><a class="govuk-link" href="${base}/timeline">Timeline: forms, decisions, workflow steps, emails and what became of them</a></li>
<li><a class="govuk-link" href="${base}/programme">Programme and stages: visit, workshops, where the area stands</a></li>
<li><a class="govuk-link" href="${base}/consultancy">Consultancy sessions of the leads</a></li>
<li><a class="govuk-link" href="${base}/progress-reviews">Progress reviews of the action plan</a></li>
<li><a class="govuk-link" href="${base}/report">Evaluation report</a></li>
<li><a class="govuk-link" href="${base}/applications.csv" download>Download all applications (CSV)</a></li>
</ul>
${filterForm(base, view)}
${applicationsTable(base, view)}`,
  });
}

/** The application page: the application under review, with the signed-in reviewer's form. */
export interface ApplicationPageView extends ApplicationUnderReview {
  myReview: FormValues;
  errors: FieldError[];
  unreachable?: UnreachableAddress;
  /** The corrected address staff sent, when it needs correcting. */
  correctedEmail?: string;
  /** What the last form on the page did. */
  notice?: string;
  /** Why the signed-in member of staff may not review this application; none when they may. */
  myConflicts?: readonly ConflictOfInterest[];
  /** Reviews that are not independent, by reviewer: why, after their name. */
  notIndependent?: Readonly<Record<string, string>>;
  /** How many reviews the mean score rests on. */
  independentReviewCount?: number;
  /** The reason for a declaration sent back to correct. */
  conflictReason?: string;
  /** The signed-in reviewer's own review, if they have scored it. */
  mine?: Review;
}

function nominationNote(nomination: Nomination): SafeHtml {
  const body = nomination.bodyName ?? nominatingBodies[nomination.body];
  const said = nomination.reason ? html`<br>They said: ${nomination.reason}` : '';
  const by = `${nomination.nominatorName} (${nomination.nominatorEmail}) of ${body}`;
  return insetText({ text: html`Nominated by ${by} on ${formatUkDate(nomination.nominatedAt)}.${said}` });
}

function reviewsTable(reviews: readonly Review[], notIndependent: Readonly<Record<string, string>>): SafeHtml {
  if (reviews.length === 0) return html``;
  return table({
    caption: 'Reviews',
    captionClasses: 'govuk-visually-hidden',
    head: ['Reviewer', ...reviewCriteria.map((key) => numeric(metaOf(reviewSchema.shape[key]).title)), numeric('Mean'), 'Note'],
    rows: reviews.map((review) => [
      html`${review.staffName}<br><span class="govuk-body-s">${formatUkDateTime(review.reviewedAt)}</span>${notIndependentNote(review, notIndependent)}`,
      ...reviewCriteria.map((key) => numeric(review[key])),
      numeric(scoreText(reviewMean(review))),
      review.note ?? '',
    ]),
  });
}

/** A review that does not count: marked, with why, so nobody reads it as part of the mean. */
function notIndependentNote(review: Review, notIndependent: Readonly<Record<string, string>>): SafeHtml {
  const why = notIndependent[review.staffId];
  if (why === undefined) return html``;
  return html`<br>${tag({ text: 'Not independent', classes: 'govuk-tag--orange' })}<br><span class="govuk-body-s">Left out of the mean: ${review.staffName} ${why}.</span>`;
}

function meanLine(meanScore: number | undefined, independentCount: number, leftOut: number): SafeHtml {
  const reviews = `${independentCount} independent ${independentCount === 1 ? 'review' : 'reviews'}`;
  const left = leftOut > 0 ? ` ${leftOut} ${leftOut === 1 ? 'review is' : 'reviews are'} left out: ${leftOut === 1 ? 'its reviewer has' : 'their reviewers have'} a conflict of interest.` : '';
  return html`<p class="govuk-body">Mean score: <strong>${score(meanScore)}</strong> from ${reviews}.${left}</p>`;
}

/** Instead of the review form: why this member of staff may not review the application. */
function conflictedReviewer(conflicts: readonly ConflictOfInterest[], hasReviewed: boolean): SafeHtml {
  return html`${warningText({ text: 'You cannot review this application because of a conflict of interest.' })}
<ul class="govuk-list govuk-list--bullet">${conflicts.map((conflict) => html`<li>${conflict.reason}.</li>`)}</ul>
${hasReviewed ? html`<p class="govuk-body">Your earlier review is kept but left out of the mean score and the selection.</p>` : ''}
<p class="govuk-body">If your organisation or connections have changed, update <a class="govuk-link" href="/staff/profile">your profile</a>.</p>`;
}

/** A member of staff who may review the application may also say they should not. */
function declareConflictForm(staff: StaffView, action: string, reason: string | undefined, error: string | undefined): SafeHtml {
  return html`<h2 class="govuk-heading-m" id="declare-conflict">Declare a conflict of interest</h2>
<p class="govuk-body">If you know the applicant or have another reason not to review them, say so. You will not be able to review this application,
and the declaration is recorded in the area’s timeline.</p>
${formWithCsrf({
  action,
  csrfToken: staff.csrfToken,
  content: html`${textarea({
    name: 'reason',
    label: { text: 'Why you have a conflict of interest', classes: 'govuk-label--s' },
    hint: 'For example, they are a friend or a relative, or you are on the same board.',
    value: reason,
    errorMessage: error,
    rows: 3,
  })}
${button({ text: 'Declare a conflict of interest', classes: 'secondary', preventDoubleClick: true })}`,
})}`;
}

export function applicationPage(staff: StaffView, detail: ApplicationPageView): SafeHtml {
  const { area, application, candidate, reviews, notYetReviewed, myReview, errors, unreachable, correctedEmail } = detail;
  const { myConflicts = [], notIndependent = {}, conflictReason } = detail;
  const leftOut = reviews.filter((review) => notIndependent[review.staffId] !== undefined).length;
  const errorFor = new Map(errors.map((error) => [error.field, error.message]));
  const base = `/staff/areas/${encodeURIComponent(area.areaId)}`;
  const applicationPath = `${base}/applications/${encodeURIComponent(application.applicationId)}`;
  const applied = `Applied ${formatUkDateTime(application.submittedAt)}${
    application.version > 1 ? `, last changed ${formatUkDateTime(application.updatedAt)}` : ''
  }.`;
  return page({
    title: `${application.answers.fullName}, ${area.name}`,
    staff,
    hasErrors: errors.length > 0,
    backLink: base,
    content: html`${errorSummary(errors)}
${notificationBanner({ type: 'success', text: detail.notice })}
<span class="govuk-caption-l">${area.name} – ${application.applicationId}</span>
<h1 class="govuk-heading-l">${application.answers.fullName}</h1>
<p class="govuk-body">${applied}</p>
${application.nomination ? nominationNote(application.nomination) : ''}
${summaryList({
  rows: applicationFields.map((name) => ({
    key: answerTitle(name),
    value: answerInWords(name, application.answers[name]) ?? 'Not given',
  })),
})}
${emailAddressSection(staff, `${base}/applications/${encodeURIComponent(application.applicationId)}/email`, application.answers.email, unreachable, {
  value: correctedEmail,
  error: errorFor.get('email'),
})}
<h2 class="govuk-heading-m">Reviews</h2>
${meanLine(candidate.meanScore, detail.independentReviewCount ?? reviews.length - leftOut, leftOut)}
${
  notYetReviewed.length > 0
    ? html`<p class="govuk-body">Not yet reviewed by: ${notYetReviewed.map((member) => member.name).join(', ')}.</p>`
    : html`<p class="govuk-body">Every member of staff without a conflict of interest has reviewed this application.</p>`
}
${reviewsTable(reviews, notIndependent)}
<h2 class="govuk-heading-m" id="your-review" tabindex="-1">Your review</h2>
${
  myConflicts.length > 0
    ? conflictedReviewer(myConflicts, detail.mine !== undefined)
    : html`${formWithCsrf({
  action: `${base}/applications/${encodeURIComponent(application.applicationId)}/reviews`,
  csrfToken: staff.csrfToken,
  content: html`${reviewFields.map((name) =>
    formField({ name, meta: metaOf(reviewSchema.shape[name]), value: myReview[name], error: errorFor.get(name) }),
  )}
${button({ text: 'Save your review', preventDoubleClick: true })}`,
})}
${declareConflictForm(staff, `${applicationPath}/conflicts`, conflictReason, errorFor.get('reason'))}`
}`,
  });
}
