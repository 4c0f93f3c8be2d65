import { formatUkDateTime, isReviewScores, scoresInWords, sectorTitle, sectors, type Area, type AuditEntry, type SelectionDraft } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { details, summaryList, table } from './components';
import { page } from './layout';
import type { StaffView } from './staff-view';

/** Instants as staff read them everywhere else: in UK time, in words. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/u;
const inUkTime = (_key: string, value: unknown) => (typeof value === 'string' && INSTANT.test(value) ? formatUkDateTime(value) : value);

/** Names people: `nameOf` turns an application reference into the applicant's name. */
type NameOf = (applicationId: string) => string;

const isSelection = (value: unknown): value is SelectionDraft =>
  typeof value === 'object' && value !== null && 'selected' in value && 'leads' in value;

/** A selection as staff read it (who, by sector, and who leads), scores in words; anything else as it was stored. */
function snapshot(value: unknown, nameOf: NameOf): SafeHtml {
  if (isReviewScores(value)) return html`<p class="govuk-body-s">${scoresInWords(value)}${value.note ? html`<br>Note: ${value.note}` : ''}</p>`;
  if (!isSelection(value)) return html`<pre class="govuk-body-s">${JSON.stringify(value, inUkTime, 2)}</pre>`;
  return summaryList({
    classes: 'govuk-summary-list--no-border govuk-body-s',
    rows: sectors.map((sector) => {
      const lead = value.leads[sector];
      return {
        key: sectorTitle(sector),
        value: html`${value.selected[sector].map(nameOf).join(', ') || 'nobody'}${lead ? html`<br>Lead: ${nameOf(lead)}` : ''}`,
      };
    }),
  });
}

function detail(label: string, value: unknown, nameOf: NameOf): SafeHtml {
  if (value === undefined) return html``;
  return details({ summaryText: label, content: snapshot(value, nameOf), classes: 'govuk-!-margin-bottom-1' });
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
    : table({
        caption: 'Decisions',
        captionClasses: 'govuk-visually-hidden',
        head: ['When', 'Who', 'What'],
        rows: entries.map((entry) => [
          formatUkDateTime(entry.at),
          entry.actor.name,
          html`<strong>${entry.action}</strong>: ${entry.summary}${detail('Before', entry.before, nameOf)}${detail('After', entry.after, nameOf)}`,
        ]),
      })
}`,
  });
}
