import {
  percent,
  publishedReportRules,
  ratingInWords,
  reminderField,
  reportedDimensions,
  type EvaluationFigures,
  type EvaluationReport,
  type FieldError,
  type ReportedDimension,
} from '@pip/domain';
import { html, type SafeHtml } from '@pip/html';
import { errorSummary, insetText, notificationBanner, table } from './components';
import { page } from './layout';
import { reminderSection } from './reminder-section';
import { staffComments } from './report-comments';
import type { StaffView } from './staff-view';

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
  const description = dimensions.map(([key, label]) => `${label}: ${ratingInWords(figures, figures.goodOrExcellent[key])} rated good or excellent`).join('. ');
  const viewBox = `0 0 ${String(labelWidth + barWidth + 70)} ${String(height)}`;
  // The chart's text in the GOV.UK font, as the page around it; without it an SVG falls back to serif.
  return html`<svg class="pip-chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="${viewBox}" width="100%"
 font-family="GDS Transport, arial, sans-serif" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">Share rating each part good or excellent</title>
<desc id="${id}-desc">${description}.</desc>
${dimensions.map(([key, label], index) => {
  const value = figures.goodOrExcellent[key];
  const y = index * rowHeight + 8;
  return html`<text x="0" y="${String(y + 22)}" font-size="16" fill="#0b0c0c">${label}</text>
<rect x="${String(labelWidth)}" y="${String(y)}" width="${String(barWidth)}" height="30" fill="#f3f2f1"></rect>
<rect x="${String(labelWidth)}" y="${String(y)}" width="${String(Math.round((value ?? 0) * barWidth))}" height="30" fill="#1d70b8"></rect>
<text x="${String(labelWidth + barWidth + 8)}" y="${String(y + 22)}" font-size="16" fill="#0b0c0c">${value === undefined ? '–' : ratingInWords(figures, value)}</text>`;
})}
</svg>`;
}

/** Why a published figure says "withheld", wherever one does. */
function withheldNote(report: EvaluationReport): SafeHtml | '' {
  if (![report.overall, ...report.areas.map((area) => area.figures)].some((figures) => figures.withheld)) return '';
  return insetText({
    text: `Ratings marked “withheld” come from fewer than ${publishedReportRules.fewestResponses} responses. They are not published, so that nobody’s answers can be told from them.`,
  });
}

function headline(figures: EvaluationFigures): SafeHtml {
  const rate = html`<li>Response rate: <strong>${percent(figures.responseRate)}</strong> (${String(figures.responses)} of ${String(figures.invited)} participants)</li>`;
  if (figures.withheld) {
    return html`<ul class="govuk-list govuk-list--bullet">
${rate}
<li>Ratings withheld: fewer than ${String(publishedReportRules.fewestResponses)} responses</li>
</ul>`;
  }
  return html`<ul class="govuk-list govuk-list--bullet">
${rate}
${dimensions.map(([key, label]) => html`<li><strong>${ratingInWords(figures, figures.goodOrExcellent[key])}</strong> rated the ${label.toLowerCase()} good or excellent</li>`)}
<li><strong>${ratingInWords(figures, figures.knowledgeIncreased)}</strong> said their knowledge of partnership challenges increased significantly</li>
<li><strong>${ratingInWords(figures, figures.abilityIncreased)}</strong> said their ability to apply it increased significantly</li>
<li><strong>${ratingInWords(figures, figures.metExpectations)}</strong> said the programme met their expectations</li>
</ul>`;
}

function byArea(report: EvaluationReport): SafeHtml {
  return html`<h2 class="govuk-heading-m">By area</h2>
${table({
  caption: 'Figures by area',
  captionClasses: 'govuk-visually-hidden',
  head: [
    'Area',
    { text: 'Response rate', format: 'numeric' },
    ...dimensions.map(([, label]) => ({ text: `${label} good or excellent`, format: 'numeric' as const })),
  ],
  firstCellIsHeader: true,
  rows: report.areas.map((area) => [
    area.name,
    { text: percent(area.figures.responseRate), format: 'numeric' },
    ...dimensions.map(([key]) => ({ text: ratingInWords(area.figures, area.figures.goodOrExcellent[key]), format: 'numeric' as const })),
  ]),
})}`;
}

/** For staff only: whom to remind (and when they last were), and what participants said in their own words. */
function voices(staff: StaffView, areaPath: string, voice: NonNullable<EvaluationReport['voices']>): SafeHtml {
  const names = voice.notAnswered.length
    ? html`<ul class="govuk-list govuk-list--bullet">${voice.notAnswered.map((name) => html`<li>${name}</li>`)}</ul>`
    : html`<p class="govuk-body">Everyone in the group has answered.</p>`;
  const remind = reminderSection({
    id: reminderField('evaluation'),
    action: `${areaPath}/reminders`,
    csrfToken: staff.csrfToken,
    last: voice.lastReminded,
    canRemind: voice.canRemind,
  });
  return html`<h2 class="govuk-heading-m">Not answered yet</h2>
${names}
${remind}
${staffComments(staff, areaPath, voice.comments)}`;
}

/** The comments a published report may carry: only those staff marked publishable, with no names. */
function publishableComments(report: EvaluationReport, comments: NonNullable<EvaluationReport['publishableComments']>): SafeHtml {
  const heading = html`<h2 class="govuk-heading-m">Comments</h2>`;
  if (comments.length === 0) return html`${heading}\n<p class="govuk-body">No comments are marked for publication.</p>`;
  const byArea = report.scope.kind !== 'area';
  return html`${heading}
${comments.map((comment) => insetText({ text: byArea ? html`<span class="govuk-caption-m">${comment.area}</span>${comment.text}` : comment.text }))}`;
}

export function reportPage(
  staff: StaffView,
  report: EvaluationReport,
  links: { staff: string; published: string; csv: string },
  options: {
    errors?: FieldError[];
    notice?: string;
    /** The reference group sees the published version only, in their own layout, with no way to the staff version. */
    forReferenceGroup?: boolean;
  } = {},
): SafeHtml {
  const errors = options.errors ?? [];
  const forGroup = options.forReferenceGroup === true;
  const otherVersion = forGroup
    ? ''
    : report.published
      ? html`<a class="govuk-link" href="${links.staff}">Show area names (staff only)</a> ·`
      : html`<a class="govuk-link" href="${links.published}">Version for publication, with areas anonymised</a> ·`;
  return page({
    title: `Evaluation report, ${report.title}${report.published ? ' (for publication)' : ''}`,
    ...(forGroup ? { referenceGroup: staff } : { staff }),
    hasErrors: errors.length > 0,
    backLink: forGroup ? '/reference' : '/staff',
    content: html`${errorSummary(errors)}
${notificationBanner({ type: 'success', text: options.notice })}
<span class="govuk-caption-l">Evaluation report${report.published ? ', for publication' : ''}</span>
<h1 class="govuk-heading-l">${report.title}</h1>
${report.published ? insetText({ text: 'Areas are named Area 1, Area 2 and so on, so that the report can be published.' }) : ''}
<p class="govuk-body">${otherVersion}
<a class="govuk-link" href="${links.csv}" download>Download as CSV</a></p>
${withheldNote(report)}
${headline(report.overall)}
${barChart('overall', report.overall)}
${report.scope.kind === 'area' ? '' : byArea(report)}
${report.voices && !forGroup ? voices(staff, links.staff, report.voices) : ''}
${report.publishableComments ? publishableComments(report, report.publishableComments) : ''}`,
  });
}

export function reportCsvRows(report: EvaluationReport): { header: string[]; rows: unknown[][] } {
  const figuresRow = (name: string, figures: EvaluationFigures) => [
    name,
    figures.invited,
    figures.responses,
    percent(figures.responseRate),
    ...dimensions.map(([key]) => ratingInWords(figures, figures.goodOrExcellent[key])),
    ratingInWords(figures, figures.knowledgeIncreased),
    ratingInWords(figures, figures.abilityIncreased),
    ratingInWords(figures, figures.metExpectations),
  ];
  return {
    header: [
      'Area',
      'Participants asked',
      'Responses',
      'Response rate',
      ...dimensions.map(([, label]) => `${label} good or excellent`),
      'Knowledge increased significantly',
      'Ability to apply it increased significantly',
      'Met expectations',
    ],
    rows: [
      ...report.areas.map((area) => figuresRow(area.name, area.figures)),
      figuresRow(`All: ${report.title}`, report.overall),
      ...(report.voices
        ? [
            ['Not answered yet', report.voices.notAnswered.join('; ')],
            ...report.voices.comments.map((comment) => ['Comment', comment.text, comment.publishable ? 'Publishable' : 'Not for publication']),
          ]
        : []),
      // A published comment keeps its area's report name in a report of many areas, and never a person's.
      ...(report.publishableComments ?? []).map((comment) => ['Comment', ...(report.scope.kind === 'area' ? [] : [comment.area]), comment.text]),
    ],
  };
}
