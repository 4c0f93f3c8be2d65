import { percent, reportedDimensions, type EvaluationFigures, type ReportedDimension } from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import type { EvaluationReport } from '../report-service';
import { page } from './layout';
import type { StaffView } from './staff-pages';

const dimensions = Object.entries(reportedDimensions) as [ReportedDimension, string][];

/**
 * A bar chart as SVG that a screen reader can read: role="img" with a title and a description
 * that says every figure, and the same figures in the table beside it.
 */
export function barChart(id: string, figures: EvaluationFigures): SafeHtml {
  const rowHeight = 44;
  const labelWidth = 190;
  const barWidth = 400;
  const height = dimensions.length * rowHeight + 10;
  const description = dimensions.map(([key, label]) => `${label}: ${percent(figures.goodOrExcellent[key])} rated good or excellent`).join('. ');
  return html`<svg class="pip-chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${String(labelWidth + barWidth + 70)} ${String(height)}" width="100%" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">Share rating each part good or excellent</title>
<desc id="${id}-desc">${description}.</desc>
${dimensions.map(([key, label], index) => {
  const value = figures.goodOrExcellent[key];
  const y = index * rowHeight + 8;
  return html`<text x="0" y="${String(y + 22)}" font-size="16" fill="#0b0c0c">${label}</text>
<rect x="${String(labelWidth)}" y="${String(y)}" width="${String(barWidth)}" height="30" fill="#f3f2f1"></rect>
<rect x="${String(labelWidth)}" y="${String(y)}" width="${String(Math.round((value ?? 0) * barWidth))}" height="30" fill="#1d70b8"></rect>
<text x="${String(labelWidth + barWidth + 8)}" y="${String(y + 22)}" font-size="16" fill="#0b0c0c">${value === undefined ? '–' : percent(value)}</text>`;
})}
</svg>`;
}

function headline(figures: EvaluationFigures): SafeHtml {
  return html`<ul class="govuk-list govuk-list--bullet">
<li>Response rate: <strong>${percent(figures.responseRate)}</strong> (${String(figures.responses)} of ${String(figures.invited)} participants)</li>
${dimensions.map(([key, label]) => html`<li><strong>${percent(figures.goodOrExcellent[key])}</strong> rated the ${label.toLowerCase()} good or excellent</li>`)}
<li><strong>${percent(figures.knowledgeIncreased)}</strong> said their knowledge of partnership challenges increased significantly</li>
<li><strong>${percent(figures.abilityIncreased)}</strong> said their ability to apply it increased significantly</li>
<li><strong>${percent(figures.metExpectations)}</strong> said the programme met their expectations</li>
</ul>`;
}

export function reportPage(staff: StaffView, report: EvaluationReport, links: { staff: string; published: string; csv: string }): SafeHtml {
  return page({
    title: `Evaluation report, ${report.title}${report.published ? ' (for publication)' : ''}`,
    staff,
    backLink: '/staff',
    content: html`<span class="govuk-caption-l">Evaluation report${report.published ? ', for publication' : ''}</span>
<h1 class="govuk-heading-l">${report.title}</h1>
${report.published ? html`<div class="govuk-inset-text">Areas are named Area 1, Area 2 and so on, so that the report can be published.</div>` : ''}
<p class="govuk-body"><a class="govuk-link" href="${report.published ? links.staff : links.published}">${report.published ? 'Show area names (staff only)' : 'Version for publication, with areas anonymised'}</a> ·
<a class="govuk-link" href="${links.csv}" download>Download as CSV</a></p>
${headline(report.overall)}
${barChart('overall', report.overall)}
${
  report.scope.kind === 'area'
    ? ''
    : html`<h2 class="govuk-heading-m">By area</h2>
<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Figures by area</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Area</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Response rate</th>
${dimensions.map(([, label]) => html`<th scope="col" class="govuk-table__header govuk-table__header--numeric">${label} good or excellent</th>`)}</tr></thead>
<tbody class="govuk-table__body">${report.areas.map(
        (area) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${area.name}</th><td class="govuk-table__cell govuk-table__cell--numeric">${percent(area.figures.responseRate)}</td>
${dimensions.map(([key]) => html`<td class="govuk-table__cell govuk-table__cell--numeric">${percent(area.figures.goodOrExcellent[key])}</td>`)}</tr>\n`,
      )}</tbody></table>`
}`,
  });
}

export function reportCsvRows(report: EvaluationReport): { header: string[]; rows: unknown[][] } {
  const figuresRow = (name: string, figures: EvaluationFigures) => [
    name,
    figures.invited,
    figures.responses,
    percent(figures.responseRate),
    ...dimensions.map(([key]) => percent(figures.goodOrExcellent[key])),
    percent(figures.knowledgeIncreased),
    percent(figures.abilityIncreased),
    percent(figures.metExpectations),
  ];
  return {
    header: ['Area', 'Participants asked', 'Responses', 'Response rate', ...dimensions.map(([, label]) => `${label} good or excellent`), 'Knowledge increased significantly', 'Ability to apply it increased significantly', 'Met expectations'],
    rows: [...report.areas.map((area) => figuresRow(area.name, area.figures)), figuresRow(`All: ${report.title}`, report.overall)],
  };
}
