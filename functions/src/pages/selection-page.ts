import {
  TIE_BREAK_RULE,
  byRank,
  formatUkDateTime,
  sectorNames,
  sectors,
  type Application,
  type Area,
  type AreaSelection,
  type Candidate,
  type FieldError,
  type Outcome,
  type Proposal,
  type RuleBreach,
  type Sector,
  type SelectionDraft,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { errorSummary, successBanner } from './form-fields';
import { page } from './layout';
import type { StaffView } from './staff-pages';

export interface SelectionView {
  area: Area;
  applications: Application[];
  candidates: Candidate[];
  proposal: Proposal;
  draft: SelectionDraft & { version: number };
  stored?: AreaSelection;
  breaches: RuleBreach[];
  errors: FieldError[];
  notice?: string;
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

function sectorEditor(view: SelectionView, sector: Sector): SafeHtml {
  const rows = view.candidates
    .filter((candidate) => candidate.sector === sector)
    .sort(byRank);
  const chosen = view.draft.selected[sector];
  return html`<h2 class="govuk-heading-m">${sectorNames[sector][0]!.toUpperCase()}${sectorNames[sector].slice(1)}: ${chosen.length} of 6 selected</h2>
<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">${sectorNames[sector]} applicants</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Selected</th><th scope="col" class="govuk-table__header">Lead</th>
<th scope="col" class="govuk-table__header">Applicant</th><th scope="col" class="govuk-table__header">Proposal and reasons</th></tr></thead>
<tbody class="govuk-table__body">
${rows.map((candidate) => {
  const id = candidate.applicationId;
  return html`<tr class="govuk-table__row">
<td class="govuk-table__cell"><div class="govuk-checkboxes govuk-checkboxes--small"><div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="select-${id}" name="selected-${sector}" type="checkbox" value="${id}"${chosen.includes(id) ? html` checked` : ''}>
<label class="govuk-label govuk-checkboxes__label" for="select-${id}"><span class="govuk-visually-hidden">Select ${candidate.fullName}</span></label></div></div></td>
<td class="govuk-table__cell"><div class="govuk-radios govuk-radios--small"><div class="govuk-radios__item">
<input class="govuk-radios__input" id="lead-${id}" name="lead-${sector}" type="radio" value="${id}"${view.draft.leads[sector] === id ? html` checked` : ''}>
<label class="govuk-label govuk-radios__label" for="lead-${id}"><span class="govuk-visually-hidden">${candidate.fullName} leads</span></label></div></div></td>
<td class="govuk-table__cell"><a class="govuk-link" href="/staff/areas/${encodeURIComponent(view.area.areaId)}/applications/${encodeURIComponent(id)}">${candidate.fullName}</a><br>
<span class="govuk-body-s">${candidate.organisation} – mean ${candidate.meanScore === undefined ? 'not reviewed' : candidate.meanScore.toFixed(2)}</span></td>
<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--grey">${outcomeLabel(view.proposal.outcomes[id])}</strong>${reasons(view.proposal.outcomes[id])}</td></tr>\n`;
})}
</tbody></table>`;
}

function breachList(breaches: RuleBreach[]): SafeHtml {
  if (breaches.length === 0) return html`<div class="govuk-inset-text">This selection meets every selection rule.</div>`;
  return html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> This selection breaks these rules:</strong></div>
<ul class="govuk-list govuk-list--bullet">${breaches.map((breach) => html`<li>${breach.message}${breach.blocksApproval ? ' (must be fixed before approval)' : ''}</li>`)}</ul>`;
}

function draftPage(staff: StaffView, view: SelectionView): SafeHtml {
  const base = `/staff/areas/${encodeURIComponent(view.area.areaId)}/selection`;
  return html`${errorSummary(view.errors)}
<p class="govuk-body">The proposal takes up to six per sector from complete applications by mean score, at most one per organisation, and makes sure the twelve include someone from a local BME network and someone from an LAA provider when such applicants exist. ${TIE_BREAK_RULE}</p>
${view.stored ? html`<p class="govuk-body">Last edited by ${view.stored.updatedBy.name}, ${formatUkDateTime(view.stored.updatedAt)}.</p>` : html`<p class="govuk-body">Nobody has edited the proposal yet.</p>`}
${breachList(view.breaches)}
<form method="post" action="${base}" novalidate>
<input type="hidden" name="csrfToken" value="${staff.csrfToken}">
<input type="hidden" name="version" value="${view.draft.version}">
${sectors.map((sector) => sectorEditor(view, sector))}
<div class="govuk-button-group">
<button type="submit" name="action" value="save" class="govuk-button govuk-button--secondary" data-prevent-double-click="true">Save changes</button>
<button type="submit" name="action" value="approve" class="govuk-button" data-prevent-double-click="true">Approve this selection and tell every applicant</button>
</div>
</form>`;
}

function approvedPage(staff: StaffView, view: SelectionView, stored: AreaSelection): SafeHtml {
  const base = `/staff/areas/${encodeURIComponent(view.area.areaId)}/selection`;
  const hidden = html`<input type="hidden" name="csrfToken" value="${staff.csrfToken}">`;
  return html`${errorSummary(view.errors)}
<div class="govuk-inset-text">Approved by ${stored.approvedBy?.name} on ${formatUkDateTime(stored.approvedAt ?? stored.updatedAt)}. The selection is locked; withdrawals and reserve offers are recorded below and in the audit log.</div>
${sectors.map((sector) => {
  const selected = stored.selected[sector];
  const offered = stored.offered?.[sector];
  return html`<h2 class="govuk-heading-m">${sectorNames[sector][0]!.toUpperCase()}${sectorNames[sector].slice(1)}</h2>
<ul class="govuk-list govuk-list--bullet">${selected.map((id) => html`<li>${nameOf(view, id)}${stored.leads[sector] === id ? html` <strong class="govuk-tag">Lead</strong>` : ''}${reasons(stored.outcomes?.[id])}</li>`)}</ul>
${offered ? html`<p class="govuk-body">Place offered to ${nameOf(view, offered)}, awaiting their answer.</p>` : ''}
${(stored.reserves?.[sector] ?? []).length > 0 ? html`<p class="govuk-body">Reserve list, in order: ${stored.reserves![sector].map((id) => nameOf(view, id)).join(', ')}.</p>` : html`<p class="govuk-body">No reserves left.</p>`}
${
  stored.leads[sector]
    ? ''
    : html`<form method="post" action="${base}/leads" novalidate>${hidden}<input type="hidden" name="sector" value="${sector}">
<div class="govuk-form-group"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Name a new lead ${sectorNames[sector]} participant</legend>
<div class="govuk-radios govuk-radios--small">${selected.map((id) => html`<div class="govuk-radios__item"><input class="govuk-radios__input" id="new-lead-${id}" name="lead" type="radio" value="${id}"><label class="govuk-label govuk-radios__label" for="new-lead-${id}">${nameOf(view, id)}</label></div>`)}</div></fieldset></div>
<button type="submit" class="govuk-button govuk-button--secondary">Name lead</button></form>`
}`;
})}
<h2 class="govuk-heading-m">Record a withdrawal</h2>
<form method="post" action="${base}/withdrawals" novalidate>${hidden}
<div class="govuk-form-group"><label class="govuk-label" for="withdrawing">Participant who has withdrawn</label>
<select class="govuk-select" id="withdrawing" name="applicationId">${sectors.flatMap((sector) => stored.selected[sector]).map((id) => html`<option value="${id}">${nameOf(view, id)}</option>`)}</select></div>
<button type="submit" class="govuk-button govuk-button--warning">Record withdrawal and offer the place</button></form>`;
}

export function selectionPage(staff: StaffView, view: SelectionView): SafeHtml {
  return page({
    title: `Selection, ${view.area.name}`,
    staff,
    hasErrors: view.errors.length > 0,
    backLink: `/staff/areas/${encodeURIComponent(view.area.areaId)}`,
    content: html`<span class="govuk-caption-l">${view.area.name}</span>
<h1 class="govuk-heading-l">Selection of six plus six</h1>
${successBanner(view.notice)}
${view.stored?.status === 'approved' ? approvedPage(staff, view, view.stored) : draftPage(staff, view)}`,
  });
}
