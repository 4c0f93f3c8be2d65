import {
  encodeTimelineCursor,
  formatTimelineTime,
  formatUkDateTime,
  isReviewScores,
  kindOf,
  scoresInWords,
  sectorTitle,
  sectors,
  timelineKindNames,
  timelineKinds,
  type Area,
  type AuditEntry,
  type FieldError,
  type SelectionDraft,
  type TimelineCursor,
  type TimelineKind,
  type TimelinePage,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, checkboxes, details, errorSummary, pagination, summaryList, table, tag } from './components';
import { page } from './layout';
import type { StaffView } from './staff-view';

/** Names people: turns an application reference into the applicant's name as the application has it now. */
type NameOf = (applicationId: string) => string;

export interface TimelinePageView {
  area: Area;
  /** The kinds shown: none is every kind. */
  kinds: readonly TimelineKind[];
  page: TimelinePage;
  nameOf: NameOf;
  errors?: readonly FieldError[];
}

/** Instants inside a before or after, as staff read them everywhere else: in UK time, in words. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/u;
const inUkTime = (_key: string, value: unknown) => (typeof value === 'string' && INSTANT.test(value) ? formatUkDateTime(value) : value);

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
  return details({ summaryText: label, content: snapshot(value, nameOf), classes: 'govuk-!-margin-bottom-1 govuk-!-margin-top-1' });
}

/** Each kind in a colour of its own, so a column of tags reads at a glance (GOV.UK's tag colours meet contrast rules). */
const kindColours: Record<TimelineKind, string> = {
  decision: 'govuk-tag--blue',
  form: 'govuk-tag--green',
  workflow: 'govuk-tag--purple',
  email: 'govuk-tag--grey',
  retention: 'govuk-tag--orange',
  erasure: 'govuk-tag--red',
};

/** The timeline's address with the kinds shown and, for another page, where it starts. */
export function timelineHref(areaId: string, kinds: readonly TimelineKind[], from?: TimelineCursor, file: 'page' | 'csv' = 'page'): string {
  const query = new URLSearchParams();
  if (kinds.length > 0) query.set('kind', kinds.join(','));
  if (from) query.set('cursor', encodeTimelineCursor(from));
  const text = query.toString();
  return `/staff/areas/${encodeURIComponent(areaId)}/timeline${file === 'csv' ? '.csv' : ''}${text ? `?${text}` : ''}`;
}

function about(entry: AuditEntry, nameOf: NameOf): SafeHtml {
  const subjects = entry.subjects ?? [];
  if (subjects.length === 0) return html``;
  return html`<br><span class="govuk-body-s">About: ${subjects.map(nameOf).join(', ')}</span>`;
}

function entriesTable({ area, page: { entries }, nameOf, kinds }: TimelinePageView): SafeHtml {
  if (entries.length === 0) {
    return html`<p class="govuk-body" role="status">${kinds.length > 0 ? 'No entries of these kinds.' : 'Nothing has happened in this area yet.'}</p>`;
  }
  return table({
    caption: `Timeline of ${area.name}, newest first`,
    captionClasses: 'govuk-visually-hidden',
    head: ['When', 'What', 'Who', 'Summary'],
    rows: entries.map((entry) => [
      html`<span class="govuk-body-s">${formatTimelineTime(entry.at)}</span>`,
      tag({ text: timelineKindNames[kindOf(entry)], classes: kindColours[kindOf(entry)] }),
      html`<span class="govuk-body-s">${entry.actor.name}</span>`,
      html`<strong>${entry.action}</strong>: ${entry.summary}${about(entry, nameOf)}${detail('Before', entry.before, nameOf)}${detail('After', entry.after, nameOf)}`,
    ]),
  });
}

function filterForm(view: TimelinePageView): SafeHtml {
  const kindError = view.errors?.find((error) => error.field === 'kind')?.message;
  return html`<form method="get" action="${timelineHref(view.area.areaId, [])}" class="govuk-!-margin-bottom-4" novalidate>
${checkboxes({
  name: 'kind',
  idPrefix: 'kind',
  fieldset: { legend: { text: 'Show only', classes: 'govuk-fieldset__legend--s' } },
  hint: 'Tick none to see every entry.',
  classes: 'govuk-checkboxes--small',
  items: timelineKinds.map((kind) => ({ value: kind, text: timelineKindNames[kind] })),
  values: view.kinds,
  ...(kindError ? { errorMessage: kindError } : {}),
})}
${button({ text: 'Show entries', classes: 'secondary' })}
</form>`;
}

function pages({ area, kinds, page: { entries, newer, older } }: TimelinePageView): SafeHtml {
  return pagination({
    landmarkLabel: 'Pages of the timeline',
    ...(newer
      ? {
          previous: {
            href: timelineHref(area.areaId, kinds, { direction: 'newer', ...newer }),
            text: 'Newer',
            visuallyHiddenText: 'entries',
            labelText: entries.length > 0 ? `After ${formatTimelineTime(newer.at)}` : 'Newer entries',
          },
        }
      : {}),
    ...(older
      ? {
          next: {
            href: timelineHref(area.areaId, kinds, { direction: 'older', ...older }),
            text: 'Older',
            visuallyHiddenText: 'entries',
            labelText: `Before ${formatTimelineTime(older.at)}`,
          },
        }
      : {}),
  });
}

/**
 * An area's timeline: its forms, decisions, workflow steps, emails and what became of them, retention
 * actions and erasures, newest first, a page at a time, filtered by kind; the same entries as CSV.
 * People are named from their applications as they stand, so a person erased shows as their pseudonym.
 */
export function timelinePage(staff: StaffView, view: TimelinePageView): SafeHtml {
  const { area, kinds } = view;
  const errors = view.errors ?? [];
  const shown = kinds.length > 0 ? kinds.map((kind) => timelineKindNames[kind].toLowerCase()).join(', ') : undefined;
  return page({
    title: `Timeline, ${area.name}`,
    staff,
    hasErrors: errors.length > 0,
    backLink: `/staff/areas/${encodeURIComponent(area.areaId)}`,
    content: html`${errorSummary(errors)}
<span class="govuk-caption-l">${area.name}</span>
<h1 class="govuk-heading-l">Timeline</h1>
<p class="govuk-body">Everything that happened in this area, newest first, in UK time: forms people sent, decisions staff made, steps of the area’s workflow, emails and what became of them, and personal data removed on schedule or erased on request. Entries are never changed, except that erasing a person replaces their name by a pseudonym.</p>
${filterForm(view)}
<p class="govuk-body"><a class="govuk-link" href="${timelineHref(area.areaId, kinds, undefined, 'csv')}" download>Download ${shown ? `the ${shown} entries` : 'every entry'} (CSV)</a></p>
${entriesTable(view)}
${pages(view)}`,
  });
}
