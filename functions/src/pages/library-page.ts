import {
  actionPlanThemes,
  progressText,
  regionName,
  regions,
  reviewedText,
  type ActionPlanLibrary,
  type FieldError,
  type LatestProgress,
  type LibraryFilter,
  type LibraryTheme,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { button, errorSummary, select, table, tag } from './components';
import { page, type PageOptions } from './layout';

/**
 * The library page as staff and the reference group see it. It carries no area, no person and no
 * application: only what the library holds (shared objectives, their themes, region and progress).
 */
export interface LibraryPageView {
  library: ActionPlanLibrary;
  /** Where the page's links lead: `/staff/library` or `/reference/library`; its CSV is the same path with `.csv`. */
  basePath: string;
  /** The header, navigation and back link of whoever reads it: staff's (`{ staff }`) or the reference group's. */
  chrome: Omit<PageOptions, 'title' | 'content' | 'hasErrors'>;
  /** A filter not on the lists: the whole library is shown with what was wrong. */
  errors?: FieldError[];
}

/** The address of the library (or its CSV) narrowed as the filter is. */
export function libraryHref(basePath: string, filter: LibraryFilter, csv = false): string {
  const query = new URLSearchParams({ ...(filter.theme ? { theme: filter.theme } : {}), ...(filter.regionId ? { region: filter.regionId } : {}) }).toString();
  return `${basePath}${csv ? '.csv' : ''}${query ? `?${query}` : ''}`;
}

const statusColours = { 'not-started': 'govuk-tag--grey', 'under-way': 'govuk-tag--blue', done: 'govuk-tag--green' } as const;
const progressTag = (progress: LatestProgress | undefined) =>
  tag({ text: progressText(progress), classes: progress ? statusColours[progress.status] : 'govuk-tag--grey' });

/** A GET form: no JavaScript, and the filtered page has an address of its own to share. */
function filterForm(view: LibraryPageView): SafeHtml {
  const { filter } = view.library;
  const errors = new Map((view.errors ?? []).map((error) => [error.field, error.message]));
  return html`<form method="get" action="${view.basePath}" novalidate>
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-third">${select({
    name: 'theme',
    label: { text: 'Theme' },
    items: [{ value: '', text: 'All themes' }, ...Object.entries(actionPlanThemes).map(([value, text]) => ({ value, text }))],
    value: filter.theme ?? '',
    errorMessage: errors.get('theme'),
  })}</div>
<div class="govuk-grid-column-one-third">${select({
    name: 'region',
    label: { text: 'Region' },
    items: [{ value: '', text: 'All regions' }, ...regions.map(({ regionId, name }) => ({ value: regionId, text: name }))],
    value: filter.regionId ?? '',
    errorMessage: errors.get('region'),
  })}</div>
</div>
${button({ text: 'Show objectives', classes: 'secondary' })}
</form>`;
}

function themeSection({ name, objectives }: LibraryTheme): SafeHtml {
  const count = `${objectives.length} shared objective${objectives.length === 1 ? '' : 's'}`;
  return html`<h2 class="govuk-heading-m">${name}</h2>
${
  objectives.length === 0
    ? html`<p class="govuk-body">No shared objectives on this theme yet.</p>`
    : table({
        caption: `${name}: ${count}`,
        captionClasses: 'govuk-visually-hidden',
        head: ['Objective', 'Region', 'Progress', 'Latest review'],
        rows: objectives.map((objective) => [objective.text, objective.regionName, progressTag(objective.progress), reviewedText(objective.progress) || 'None yet']),
      })
}`;
}

function narrowedTo(filter: LibraryFilter): string {
  const parts = [filter.theme ? actionPlanThemes[filter.theme] : '', filter.regionId ? regionName(filter.regionId) : ''].filter(Boolean);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** The library of action plans: shared objectives by theme, filterable by theme and region, with its CSV. */
export function libraryPage(view: LibraryPageView): SafeHtml {
  const { library } = view;
  const errors = view.errors ?? [];
  return page({
    ...view.chrome,
    title: 'Library of action plans',
    hasErrors: errors.length > 0,
    content: html`${errorSummary(errors)}
<h1 class="govuk-heading-l">Library of action plans</h1>
<p class="govuk-body-l">Objectives from areas’ agreed action plans, shared to spread effective partnership practice, with their latest progress.</p>
<p class="govuk-body">Areas are not named. Progress is the status given at the latest review of the objective: a consultancy session or the follow-up review.</p>
${filterForm(view)}
<p class="govuk-body"><strong>${library.objectives} shared objective${library.objectives === 1 ? '' : 's'}</strong>${narrowedTo(library.filter)}.
<a class="govuk-link" href="${libraryHref(view.basePath, library.filter, true)}" download>Download as CSV<span class="govuk-visually-hidden"> (spreadsheet)</span></a></p>
${library.themes.map(themeSection)}`,
  });
}

/** The CSV of the library: a row per objective under each of its themes, as the page lists them. */
export function libraryCsv(library: ActionPlanLibrary): { filename: string; header: string[]; rows: string[][] } {
  const narrowed = [library.filter.theme, library.filter.regionId].filter(Boolean).join('-');
  return {
    filename: `action-plan-library${narrowed ? `-${narrowed}` : ''}.csv`,
    header: ['Theme', 'Region', 'Objective', 'Status', 'Reviewed at'],
    rows: library.themes.flatMap(({ name, objectives }) =>
      objectives.map((objective) => [name, objective.regionName, objective.text, progressText(objective.progress), reviewedText(objective.progress)]),
    ),
  };
}
