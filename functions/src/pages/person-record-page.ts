import {
  applicationFields,
  formatUkDateTime,
  reviewCriteria,
  reviewSchema,
  evaluationSchema,
  metaOf,
  type EvaluationField,
  type ApplicationAnswers,
  type ApplicationField,
  type FieldError,
  type HeldApplication,
  type PersonRecord,
  type SavedApplication,
  savedFields,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, errorSummary, formWithCsrf, input, insetText, summaryList, table, type SummaryRow } from './components';
import { page } from './layout';
import { answerInWords, answerLabels } from './application-answer-words';
import type { StaffView } from './staff-view';

/** The page of everything held about one address: the address asked about, and what was found once it was asked. */
export interface PersonRecordView {
  typed: string;
  record?: PersonRecord;
  errors: FieldError[];
}

const when = (instant: string | undefined) => (instant ? formatUkDateTime(instant) : 'Not recorded');
const recordPath = (email: string, suffix = '') => `/staff/people/record${suffix}?email=${encodeURIComponent(email)}`;

/** The applicant's own labels, spoken of rather than to, with the consent shown too. */
const recordLabels: Record<ApplicationField, string> = {
  ...answerLabels,
  programmeHopes: 'What they want from the programme',
  privacyConsent: 'Read the privacy notice',
};

/** A summary card of one kind of record; a kind with nothing held says so rather than showing an empty list. */
function card(title: string | SafeHtml, rows: readonly SummaryRow[]): SafeHtml {
  if (rows.length > 0) return summaryList({ card: { title }, rows });
  return html`<div class="govuk-summary-card">
<div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">${title}</h2></div>
<div class="govuk-summary-card__content"><p class="govuk-body govuk-!-margin-bottom-0">Nothing held.</p></div>
</div>`;
}

/** An evaluation answer by its question, in the words it was chosen by. */
function evaluationRows(answers: Record<string, unknown>): SummaryRow[] {
  return Object.entries(answers).map(([name, value]) => {
    const meta = name in evaluationSchema.shape ? metaOf(evaluationSchema.shape[name as EvaluationField]) : undefined;
    const options: Record<string, string> | undefined = meta?.['x-options'];
    return { key: meta?.title ?? name, value: options?.[String(value)] ?? String(value) };
  });
}

function applicationSection(held: HeldApplication): SafeHtml {
  const { application, area } = held;
  const answers = application.answers as Partial<ApplicationAnswers>;
  const answerRows: SummaryRow[] = [
    { key: 'Reference', value: application.applicationId },
    { key: 'Submitted', value: when(application.submittedAt) },
    { key: 'Last changed', value: when(application.updatedAt) },
    ...applicationFields.map((name) => ({ key: recordLabels[name], value: answerInWords(name, answers) })),
    ...(application.nomination
      ? [{ key: 'Nominated by', value: `${application.nomination.nominatorName} (${application.nomination.nominatorEmail}), ${when(application.nomination.nominatedAt)}${application.nomination.reason ? `: “${application.nomination.reason}”` : ''}` }]
      : []),
  ];
  const selection = held.selection;
  const selectionRows: SummaryRow[] = selection
    ? [
        { key: 'Selection', value: selection.status === 'approved' ? 'Approved' : 'Draft, not yet approved' },
        { key: 'Outcome', value: selection.outcome ? `${selection.outcome.kind === 'reserve' ? `Reserve ${selection.outcome.rank}` : selection.outcome.kind === 'selected' ? 'Selected' : 'Not selected'}` : selection.selected ? 'In the draft selection' : 'No outcome yet' },
        ...(selection.outcome ? [{ key: 'Reasons', value: html`<ul class="govuk-list govuk-list--bullet">${selection.outcome.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>` }] : []),
        { key: 'Lead participant', value: selection.lead ? 'Yes' : 'No' },
        ...(selection.offered ? [{ key: 'Place offered', value: 'Yes, awaiting their answer' }] : []),
        ...(selection.withdrawn ? [{ key: 'Withdrew', value: 'Yes' }] : []),
        ...(selection.declined ? [{ key: 'Declined a place', value: 'Yes' }] : []),
        ...selection.membership.map((change) => ({
          key: change.change === 'left' ? 'Left the group' : change.change === 'joined' ? 'Joined the group' : 'Rejoined the group',
          value: `${when(change.at)}${change.by ? `, recorded by ${change.by.name}` : ''}`,
        })),
      ]
    : [];
  const scores = (review: HeldApplication['reviews'][number]) =>
    reviewCriteria.map((criterion) => `${metaOf(reviewSchema.shape[criterion]).title} ${review[criterion]}`).join(', ');
  const evaluation = held.evaluation;
  return html`<h2 class="govuk-heading-l govuk-!-margin-top-8">${area.name}: application ${application.applicationId}</h2>
${card('Application', answerRows)}
${card(
  'Reviews',
  held.reviews.map((review) => ({ key: `${review.staffName}, ${when(review.reviewedAt)}`, value: html`${scores(review)}${review.note ? html`<br>Note: ${review.note}` : ''}` })),
)}
${card('Selection decision', selectionRows)}
${card(
  'Workshop attendance',
  held.attendance.map((entry) => ({ key: `Workshop ${entry.workshop}`, value: `${entry.present ? 'Attended' : entry.member ? 'Absent' : 'Not in the group then'} (recorded ${when(entry.recordedAt)} by ${entry.recordedBy})` })),
)}
${card(
  'Consultancy sessions',
  held.bookings.map((session) => ({
    key: `Session ${session.session}`,
    value: `${session.status === 'cancelled' ? 'Cancelled' : 'Booked'} by ${session.bookedBy} at ${when(session.bookedAt)}${session.heldAt ? `; held ${when(session.heldAt)}` : ''}${session.notes ? `; notes: ${session.notes}` : ''}`,
  })),
)}
${card(
  'Follow-up review',
  held.followUp
    ? [
        { key: 'Answered which dates suit', value: held.followUp.answeredDates ? `Yes: ${held.followUp.available.length} of the dates suit` : 'No' },
        ...(held.followUp.attending === undefined ? [] : [{ key: 'Attending', value: held.followUp.attending ? 'Yes' : 'No' }]),
      ]
    : [],
)}
${card(
  'Evaluation',
  evaluation
    ? [
        { key: 'Submitted', value: when(evaluation.submittedAt) },
        ...evaluationRows(evaluation.answers),
        ...(evaluation.commentPublishable === undefined ? [] : [{ key: 'Comment publishable', value: evaluation.commentPublishable ? 'Yes' : 'No' }]),
      ]
    : [],
)}
${card(
  'Calendar invitations sent',
  Object.entries(held.calendar?.entries ?? {}).map(([event, entry]) => ({ key: event, value: `${entry.status === 'cancelled' ? 'Cancelled' : 'Invited'}: ${when(entry.startsAt)}, ${entry.location}` })),
)}
${card(
  'Reminders that named them',
  held.reminders.map((round) => ({ key: when(round.at), value: `${round.kind} reminder sent by ${round.by}` })),
)}
<h3 class="govuk-heading-m">Timeline entries about them</h3>
${
  held.audit.length === 0
    ? html`<p class="govuk-body">None.</p>`
    : table({
        caption: `Timeline entries about them in ${area.name}`,
        captionClasses: 'govuk-visually-hidden',
        head: ['When', 'Who', 'What'],
        rows: held.audit.map((entry) => [when(entry.at), entry.actor.name, html`<strong>${entry.action}</strong><br>${entry.summary}`]),
      })
}`;
}

function emailsSection(record: PersonRecord): SafeHtml {
  if (record.emails.length === 0) return html`<p class="govuk-body">No emails to or about them.</p>`;
  return table({
    caption: 'Emails sent to or about them',
    captionClasses: 'govuk-visually-hidden',
    head: ['Queued', 'To', 'Subject', 'What became of it'],
    rows: record.emails.map((email) => [when(email.createdAt), email.to, email.subject, email.sentAt ? `${email.status === 'sent' ? 'Sent' : `${email.status}, sent`} ${when(email.sentAt)}` : email.status]),
  });
}

const linkPurposes: Record<string, string> = {
  application: 'To see and change their application',
  withdraw: 'To withdraw from the programme',
  'reserve-offer': 'To answer the offer of a place',
  nomination: 'To apply as nominated',
  consultancy: 'To book a consultancy session',
  'follow-up': 'To answer for the follow-up review',
  evaluation: 'To evaluate the programme',
};

/** Answers saved and never sent: what was typed, as the applicant would read it, and until when the link works. */
function savedSection(saved: SavedApplication, areaName: (areaId: string) => string): SafeHtml {
  const answers = saved.answers as Partial<ApplicationAnswers>;
  return card(`Answers saved for ${areaName(saved.areaId)} and never sent`, [
    { key: 'Saved', value: `${when(saved.savedAt)}; the link works until ${when(saved.expiresAt)}` },
    ...savedFields.filter((name) => answers[name] !== undefined).map((name) => ({ key: recordLabels[name], value: answerInWords(name, answers) })),
  ]);
}

function elsewhereSection(record: PersonRecord): SafeHtml {
  const areaNames = new Map(record.applications.map((held) => [held.area.areaId, held.area.name]));
  const areaName = (areaId: string) => areaNames.get(areaId) ?? areaId;
  const linkRows: SummaryRow[] = record.links.map((link) => ({
    key: linkPurposes[link.purpose] ?? link.purpose,
    value: `${areaName(link.areaId)}${link.applicationId ? `, application ${link.applicationId}` : ''}; works until ${when(link.expiresAt)}`,
  }));
  return html`<h2 class="govuk-heading-l govuk-!-margin-top-8">Emails, links and other records</h2>
${(record.savedApplications ?? []).map((saved) => savedSection(saved, areaName))}
<h3 class="govuk-heading-m">Emails</h3>
${emailsSection(record)}
${card('Personal links emailed to them', linkRows)}
${card(
  'Nominations of them',
  record.nominations.map((nomination) => ({
    key: `By ${nomination.partnerId}, for ${areaName(nomination.areaId)}`,
    value: `${nomination.candidateName}, ${nomination.candidateOrganisation}, nominated ${when(nomination.nominatedAt)}: “${nomination.reason}”`,
  })),
)}
${card(
  'Addresses our emails could not reach',
  record.unreachable.map((problem) => ({ key: problem.address, value: `${problem.problem}${problem.suppressed ? ', nothing more is sent' : ''} (${when(problem.at)}): ${problem.reason}` })),
)}`;
}

function found(staff: StaffView, record: PersonRecord): SafeHtml {
  if ([record.applications, record.emails, record.links, record.nominations, record.unreachable, record.savedApplications ?? []].every((list) => list.length === 0)) {
    return html`<p class="govuk-body" role="status">We hold nothing about ${record.email}.</p>
<p class="govuk-body">No application, nomination, email, link or record of a delivery problem names this address. If the person applied under another address, <a class="govuk-link" href="/staff/people">search for them by name</a>.</p>`;
  }
  const others = record.addresses.filter((address) => address !== record.email.trim().toLowerCase());
  return html`<p class="govuk-body" role="status">${record.applications.length === 1 ? '1 application' : `${record.applications.length} applications`}, ${record.emails.length === 1 ? '1 email' : `${record.emails.length} emails`} and ${record.links.length === 1 ? '1 personal link' : `${record.links.length} personal links`} found.</p>
${others.length > 0 ? insetText({ text: html`This includes what is held under the addresses theirs was corrected from: ${others.join(', ')}.` }) : ''}
<div class="govuk-button-group">
<a class="govuk-button govuk-button--secondary" href="${recordPath(record.email, '.json')}" download>Download everything as JSON</a>
</div>
${record.applications.map(applicationSection)}
${elsewhereSection(record)}
<h2 class="govuk-heading-l govuk-!-margin-top-8">Erase this person</h2>
<p class="govuk-body">If the person asks to be forgotten, erase them: you will be asked to confirm, and told exactly what is removed and what is kept.</p>
${formWithCsrf({ action: '/staff/people/erase', csrfToken: staff.csrfToken, hidden: { email: record.email }, content: button({ text: 'Erase this person', classes: 'warning' }) })}`;
}

/** Everything the platform holds about one email address, readable, with its JSON download and the way to erase them. */
export function personRecordPage(staff: StaffView, view: PersonRecordView): SafeHtml {
  const error = view.errors.find((candidate) => candidate.field === 'email')?.message;
  const title = view.record ? `Everything we hold about ${view.record.email}` : 'See everything we hold about a person';
  return page({
    title,
    staff,
    backLink: '/staff/people',
    hasErrors: view.errors.length > 0,
    content: html`${errorSummary(view.errors)}
<h1 class="govuk-heading-l">${title}</h1>
${
  view.record
    ? found(staff, view.record)
    : html`<form method="get" action="/staff/people/record" novalidate>
${input({ name: 'email', type: 'email', label: { text: 'Email address', classes: 'govuk-label--s' }, value: view.typed, errorMessage: error, spellcheck: false, classes: 'govuk-!-width-two-thirds' })}
${button({ text: 'Show what we hold' })}
</form>`
}`,
  });
}
