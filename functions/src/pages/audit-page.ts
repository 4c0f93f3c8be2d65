import { formatUkDateTime, isReviewScores, scoresInWords, sectorNames, sectors, type Area, type AuditEntry, type SelectionDraft } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { page } from './layout';
import type { StaffView } from './staff-pages';

/** Names people: `nameOf` turns an application reference into the applicant's name. */
type NameOf = (applicationId: string) => string;

const isSelection = (value: unknown): value is SelectionDraft =>
  typeof value === 'object' && value !== null && 'selected' in value && 'leads' in value;

/** A selection as staff read it (who, by sector, and who leads), scores in words; anything else as it was stored. */
function snapshot(value: unknown, nameOf: NameOf): SafeHtml {
  if (isReviewScores(value)) return html`<p class="govuk-body-s">${scoresInWords(value)}${value.note ? html`<br>Note: ${value.note}` : ''}</p>`;
  if (!isSelection(value)) return html`<pre class="govuk-body-s">${JSON.stringify(value, null, 2)}</pre>`;
  return html`<dl class="govuk-summary-list govuk-summary-list--no-border govuk-body-s">${sectors.map((sector) => {
    const lead = value.leads[sector];
    return html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${sectorNames[sector].replace(/^./u, (first) => first.toUpperCase())}</dt>
<dd class="govuk-summary-list__value">${value.selected[sector].map(nameOf).join(', ') || 'nobody'}${lead ? html`<br>Lead: ${nameOf(lead)}` : ''}</dd></div>`;
  })}</dl>`;
}

function detail(label: string, value: unknown, nameOf: NameOf): SafeHtml {
  if (value === undefined) return html``;
  return html`<details class="govuk-details govuk-!-margin-bottom-1"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">${label}</span></summary>
<div class="govuk-details__text">${snapshot(value, nameOf)}</div></details>`;
}

export function auditPage(staff: StaffView, area: Area, entries: AuditEntry[], nameOf: NameOf): SafeHtml {
  return page({
    title: `Audit log, ${area.name}`,
    staff,
    backLink: `/staff/areas/${encodeURIComponent(area.areaId)}`,
    content: html`<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Audit log</h1>
<p class="govuk-body">Every decision about this area, newest first. Entries are never changed.</p>
${
  entries.length === 0
    ? html`<p class="govuk-body">No decisions yet.</p>`
    : html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Decisions</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">When</th><th scope="col" class="govuk-table__header">Who</th><th scope="col" class="govuk-table__header">What</th></tr></thead>
<tbody class="govuk-table__body">${entries.map(
        (entry) => html`<tr class="govuk-table__row"><td class="govuk-table__cell">${formatUkDateTime(entry.at)}</td><td class="govuk-table__cell">${entry.actor.name}</td>
<td class="govuk-table__cell"><strong>${entry.action}</strong>: ${entry.summary}${detail('Before', entry.before, nameOf)}${detail('After', entry.after, nameOf)}</td></tr>\n`,
      )}</tbody></table>`
}`,
  });
}
