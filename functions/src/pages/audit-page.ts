import { formatUkDateTime, type Area, type AuditEntry } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { page } from './layout';
import type { StaffView } from './staff-pages';

function detail(label: string, value: unknown): SafeHtml {
  if (value === undefined) return html``;
  return html`<details class="govuk-details govuk-!-margin-bottom-1"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">${label}</span></summary>
<div class="govuk-details__text"><pre class="govuk-body-s">${JSON.stringify(value, null, 2)}</pre></div></details>`;
}

export function auditPage(staff: StaffView, area: Area, entries: AuditEntry[]): SafeHtml {
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
<td class="govuk-table__cell"><strong>${entry.action}</strong>: ${entry.summary}${detail('Before', entry.before)}${detail('After', entry.after)}</td></tr>\n`,
      )}</tbody></table>`
}`,
  });
}
