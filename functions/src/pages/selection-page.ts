import {
  TIE_BREAK_RULE,
  byRank,
  defaultSelectionRules,
  formatUkDateTime,
  meanRestsOnTooFewReviews,
  scoreText,
  sectorNames,
  sectorTitle,
  sectors,
  type Application,
  type Area,
  type AreaSelection,
  type Candidate,
  type FieldError,
  type Outcome,
  type Proposal,
  type ReviewIndependence,
  type RuleBreach,
  type Sector,
  type SelectionDraft,
  type WithdrawalView,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import {
  button,
  buttonGroup,
  checkboxItems,
  errorSummary,
  formWithCsrf,
  insetText,
  notificationBanner,
  radioItems,
  radios,
  select,
  table,
  tag,
  warningText,
} from './components';
import { page } from './layout';
import type { StaffView } from './staff-view';

export interface SelectionView {
  area: Area;
  applications: Application[];
  candidates: Candidate[];
  proposal: Proposal;
  draft: SelectionDraft & { version: number };
  stored?: AreaSelection;
  /** After approval: every withdrawal, newest first. */
  withdrawals: WithdrawalView[];
  breaches: RuleBreach[];
  errors: FieldError[];
  notice?: string;
  /** Which reviews count towards the mean scores: those by staff with no conflict of interest. */
  independence?: Pick<ReviewIndependence, 'independentCounts'>;
}

const outcomeLabel = (outcome: Outcome | undefined) =>
  !outcome ? '' : outcome.kind === 'selected' ? 'Proposed' : outcome.kind === 'reserve' ? `Reserve ${outcome.rank}` : 'Not proposed';

function reasons(outcome: Outcome | undefined): SafeHtml {
  if (!outcome) return html``;
  return html`<ul class="govuk-list govuk-body-s govuk-!-margin-bottom-0">${outcome.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>`;
}

function nameOf(view: SelectionView, id: string): string {
  return view.applications.find((application) => application.applicationId === id)?.answers.fullName ?? id;
}

/** One applicant's row: whether they are selected and lead, who they are, and what the proposal said and why. */
function candidateRow(view: SelectionView, sector: Sector, candidate: Candidate): SafeHtml[] {
  const id = candidate.applicationId;
  const hidden = (text: string) => html`<span class="govuk-visually-hidden">${text}</span>`;
  const mean = candidate.meanScore === undefined ? 'not reviewed' : `${scoreText(candidate.meanScore)} from ${reviewCount(view, id)}`;
  const link = `/staff/areas/${encodeURIComponent(view.area.areaId)}/applications/${encodeURIComponent(id)}`;
  return [
    checkboxItems({
      name: `selected-${sector}`,
      classes: 'govuk-checkboxes--small',
      items: [{ value: id, text: hidden(`Select ${candidate.fullName}`), id: `select-${id}` }],
      values: view.draft.selected[sector],
    }),
    radioItems({
      name: `lead-${sector}`,
      classes: 'govuk-radios--small',
      items: [{ value: id, text: hidden(`${candidate.fullName} leads`), id: `lead-${id}` }],
      value: view.draft.leads[sector],
    }),
    html`<a class="govuk-link" href="${link}">${candidate.fullName}</a><br>
<span class="govuk-body-s">${candidate.organisation} – mean ${mean}</span>`,
    html`${tag({ text: outcomeLabel(view.proposal.outcomes[id]), classes: 'govuk-tag--grey' })}${reasons(view.proposal.outcomes[id])}`,
  ];
}

/** How many independent reviews an applicant's mean rests on, in words. */
function reviewCount(view: SelectionView, id: string): string {
  const count = view.independence?.independentCounts[id] ?? 0;
  return `${count} independent ${count === 1 ? 'review' : 'reviews'}`;
}

/** A warning for each of these applicants whose mean score rests on a single independent review; nothing when none does. */
function thinlyReviewed(view: SelectionView, ids: readonly string[]): SafeHtml {
  const counts = view.independence?.independentCounts;
  if (!counts) return html``;
  return html`${ids
    .filter((id) => meanRestsOnTooFewReviews(counts[id] ?? 0))
    .map((id) => {
      const link = `/staff/areas/${encodeURIComponent(view.area.areaId)}/applications/${encodeURIComponent(id)}`;
      return warningText({
        text: html`<a class="govuk-link" href="${link}">${nameOf(view, id)}</a>’s mean score rests on a single independent review.
Ask another member of staff without a conflict of interest to review the application.`,
      });
    })}`;
}

function sectorEditor(view: SelectionView, sector: Sector): SafeHtml {
  const rows = view.candidates.filter((candidate) => candidate.sector === sector).sort(byRank);
  const count = `${view.draft.selected[sector].length} of ${defaultSelectionRules.placesPerSector} selected`;
  return html`<h2 class="govuk-heading-m">${sectorTitle(sector)}: ${count}</h2>
${table({
  caption: `${sectorNames[sector]} applicants`,
  captionClasses: 'govuk-visually-hidden',
  head: ['Selected', 'Lead', 'Applicant', 'Proposal and reasons'],
  rows: rows.map((candidate) => candidateRow(view, sector, candidate)),
})}`;
}

function breachList(breaches: RuleBreach[]): SafeHtml {
  if (breaches.length === 0) return insetText({ text: 'This selection meets every selection rule.' });
  return html`${warningText({ text: 'This selection breaks these rules:' })}
<ul class="govuk-list govuk-list--bullet">${breaches.map(
    (breach) => html`<li>${breach.message}${breach.blocksApproval ? ' (must be fixed before approval)' : ''}</li>`,
  )}</ul>`;
}

function draftPage(staff: StaffView, view: SelectionView): SafeHtml {
  const base = `/staff/areas/${encodeURIComponent(view.area.areaId)}/selection`;
  return html`${errorSummary(view.errors)}
<p class="govuk-body">The proposal takes up to six per sector from complete applications by mean score, at most one per organisation,
and makes sure the twelve include someone from a local BME network and someone from an LAA provider when such applicants exist. ${TIE_BREAK_RULE}</p>
<p class="govuk-body">Mean scores count independent reviews only: a review by a member of staff with a conflict of interest is left out.</p>
${
  view.stored
    ? html`<p class="govuk-body">Last edited by ${view.stored.updatedBy.name}, ${formatUkDateTime(view.stored.updatedAt)}.</p>`
    : html`<p class="govuk-body">Nobody has edited the proposal yet.</p>`
}
${breachList(view.breaches)}
${thinlyReviewed(view, sectors.flatMap((sector) => view.draft.selected[sector]))}
${formWithCsrf({
  action: base,
  csrfToken: staff.csrfToken,
  hidden: { version: String(view.draft.version) },
  content: html`<div id="selection" tabindex="-1">${sectors.map((sector) => sectorEditor(view, sector))}</div>
${buttonGroup(
  button({ text: 'Save changes', name: 'action', value: 'save', classes: 'secondary', preventDoubleClick: true }),
  button({ text: 'Approve this selection and tell every applicant', name: 'action', value: 'approve', preventDoubleClick: true }),
)}`,
})}`;
}

/** An approved sector: who is in it, the offer and reserves, and naming a lead when theirs has gone. */
function approvedSector(staff: StaffView, view: SelectionView, stored: AreaSelection, sector: Sector, base: string): SafeHtml {
  const selected = stored.selected[sector];
  const offered = stored.offered?.[sector];
  const reserves = stored.reserves?.[sector] ?? [];
  const newLead = formWithCsrf({
    action: `${base}/leads`,
    csrfToken: staff.csrfToken,
    hidden: { sector },
    content: html`${radios({
      name: 'lead',
      fieldset: { legend: { text: `Name a new lead ${sectorNames[sector]} participant`, classes: 'govuk-fieldset__legend--s' } },
      classes: 'govuk-radios--small',
      items: selected.map((id) => ({ value: id, text: nameOf(view, id), id: `new-lead-${id}` })),
    })}
${button({ text: 'Name lead', classes: 'secondary' })}`,
  });
  return html`<h2 class="govuk-heading-m">${sectorTitle(sector)}</h2>
<ul class="govuk-list govuk-list--bullet">${selected.map(
    (id) => html`<li>${nameOf(view, id)}${stored.leads[sector] === id ? html` ${tag({ text: 'Lead' })}` : ''}${reasons(stored.outcomes?.[id])}</li>`,
  )}</ul>
${offered ? html`<p class="govuk-body">Place offered to ${nameOf(view, offered)}, awaiting their answer.</p>` : ''}
${
  reserves.length > 0
    ? html`<p class="govuk-body">Reserve list, in order: ${reserves.map((id) => nameOf(view, id)).join(', ')}.</p>`
    : html`<p class="govuk-body">No reserves left.</p>`
}
${stored.leads[sector] ? '' : newLead}`;
}

/** Who recorded a withdrawal: staff by name, or the person through their own link. */
function recordedBy(withdrawal: WithdrawalView): string {
  if (withdrawal.throughTheirLink) return 'Withdrew through their link';
  return withdrawal.by?.name ?? 'Not known';
}

function sinceWithdrawal(withdrawal: WithdrawalView): string {
  if (withdrawal.undone) return `Undone by ${withdrawal.undone.by?.name ?? 'staff'}, ${formatUkDateTime(withdrawal.undone.at)}: taking part again`;
  if (withdrawal.placeTakenBy) return `Place taken by ${withdrawal.placeTakenByName} from the reserves, ${formatUkDateTime(withdrawal.placeTakenBy.at)}`;
  return 'Place not taken yet';
}

/** The one button that undoes a withdrawal staff recorded, while it still may be. */
function undoForm(staff: StaffView, base: string, withdrawal: WithdrawalView): SafeHtml {
  if (!withdrawal.undoable) return html``;
  return formWithCsrf({
    action: `${base}/withdrawals/undo`,
    csrfToken: staff.csrfToken,
    hidden: { applicationId: withdrawal.applicationId },
    content: button({
      text: html`Undo<span class="govuk-visually-hidden"> the withdrawal of ${withdrawal.name}</span>`,
      classes: 'secondary',
      inline: true,
      preventDoubleClick: true,
    }),
  });
}

/** Everyone who has left the group, who recorded it and what became of their place; staff may undo their own record within a day. */
function withdrawalsSection(staff: StaffView, view: SelectionView, base: string): SafeHtml {
  const heading = html`<h2 class="govuk-heading-m" id="withdrawals" tabindex="-1">Withdrawals</h2>`;
  if (view.withdrawals.length === 0) return html`${heading}<p class="govuk-body">Nobody has withdrawn.</p>`;
  const undoWithin = 'Staff may undo a withdrawal they recorded by mistake for a day, while nobody has taken the place.';
  return html`${heading}
<p class="govuk-body">${undoWithin}</p>
${table({
  caption: 'Withdrawals, newest first',
  captionClasses: 'govuk-visually-hidden',
  head: ['Participant', 'Withdrew', 'Recorded by', 'Since then', html`<span class="govuk-visually-hidden">Undo</span>`],
  firstCellIsHeader: true,
  rows: view.withdrawals.map((withdrawal) => [
    withdrawal.name,
    formatUkDateTime(withdrawal.at),
    recordedBy(withdrawal),
    sinceWithdrawal(withdrawal),
    undoForm(staff, base, withdrawal),
  ]),
})}`;
}

function approvedPage(staff: StaffView, view: SelectionView, stored: AreaSelection): SafeHtml {
  const base = `/staff/areas/${encodeURIComponent(view.area.areaId)}/selection`;
  const approval = `Approved by ${stored.approvedBy?.name} at ${formatUkDateTime(stored.approvedAt ?? stored.updatedAt)}. `
    + 'The selection is locked; withdrawals and reserve offers are recorded below and in the area’s timeline.';
  return html`${errorSummary(view.errors)}
${insetText({ text: approval })}
${thinlyReviewed(view, sectors.flatMap((sector) => stored.selected[sector]))}
${sectors.map((sector) => approvedSector(staff, view, stored, sector, base))}
${withdrawalsSection(staff, view, base)}
<h2 class="govuk-heading-m">Record a withdrawal</h2>
${formWithCsrf({
  action: `${base}/withdrawals`,
  csrfToken: staff.csrfToken,
  content: html`${select({
    name: 'applicationId',
    id: 'withdrawing',
    label: { text: 'Participant who has withdrawn' },
    // Nobody until staff choose: the button records a withdrawal and offers the place at once.
    items: [{ value: '', text: 'Choose the participant' }, ...sectors.flatMap((sector) => stored.selected[sector]).map((id) => ({ value: id, text: nameOf(view, id) }))],
    value: '',
    errorMessage: view.errors.find((error) => error.field === 'withdrawing')?.message,
  })}
${button({ text: 'Record withdrawal and offer the place', classes: 'warning' })}`,
})}`;
}

export function selectionPage(staff: StaffView, view: SelectionView): SafeHtml {
  return page({
    title: `Selection, ${view.area.name}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: `/staff/areas/${encodeURIComponent(view.area.areaId)}`,
    content: html`<span class="govuk-caption-l">${view.area.name}</span>
<h1 class="govuk-heading-l">Selection of six plus six</h1>
${notificationBanner({ type: 'success', text: view.notice })}
${view.stored?.status === 'approved' ? approvedPage(staff, view, view.stored) : draftPage(staff, view)}`,
  });
}
