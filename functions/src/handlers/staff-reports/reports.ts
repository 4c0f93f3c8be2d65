import { regionScope, type FieldError, type ReportScope } from '@pip/domain';
import { csvResponse } from '../../kit/csv';
import { pathParameter, type HttpEvent } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { reportCsvRows, reportPage } from '../../pages/report-page';
import type { RouteKeyOf } from '../../routes';
import { evaluationReport } from '../../use-cases/evaluation/evaluation-report';
import { notices } from '../shared/notices';

/** What the address asks for: the report's scope, its page's path, and the name its CSV is saved under. */
function reportAsked(event: HttpEvent): { scope: ReportScope; path: string; file: string } {
  const path = event.requestContext.http.path.replace(/\.csv$/u, '').replace(/\/(reminders|comments)$/u, '');
  if (path.startsWith('/staff/areas/')) {
    const areaId = pathParameter(event, 'areaId');
    return { scope: { kind: 'area', areaId }, path, file: areaId };
  }
  if (path.startsWith('/staff/regions/')) {
    const regionId = pathParameter(event, 'regionId');
    return { scope: regionScope(regionId), path, file: regionId };
  }
  return { scope: { kind: 'programme' }, path, file: 'programme' };
}

const published = (event: HttpEvent) => event.queryStringParameters?.published === '1';

export const reportNotices = notices({
  reminded: 'The reminders are sent to those who had not answered.',
  publishable: 'The comment is marked as publishable.',
  withdrawn: 'The comment is withdrawn from publication.',
});

/** The report page, with what a form on it did, or its refusal. */
export async function showReport(event: HttpEvent, status: number, options: { errors?: FieldError[]; notice?: string } = {}) {
  const { scope, path } = reportAsked(event);
  const report = await evaluationReport(platformPorts(), scope, event.requestContext.http.method === 'GET' && published(event));
  const links = { staff: path, published: `${path}?published=1`, csv: `${path}.csv${report.published ? '?published=1' : ''}` };
  return htmlResponse(status, reportPage(staffView(event), report, links, options));
}

async function csv(event: HttpEvent) {
  const { scope, file } = reportAsked(event);
  const report = await evaluationReport(platformPorts(), scope, published(event));
  const { header, rows } = reportCsvRows(report);
  return csvResponse(`evaluation-${report.published ? 'published' : file}.csv`, header, rows);
}

const page = (event: HttpEvent) => showReport(event, 200, { notice: reportNotices.of(event) });

/** Evaluation reports for an area, a region and the whole programme, on the page and as CSV. */
export const reportRoutes = {
  'GET /staff/reports': page,
  'GET /staff/reports.csv': csv,
  'GET /staff/regions/{regionId}/report': page,
  'GET /staff/regions/{regionId}/report.csv': csv,
  'GET /staff/areas/{areaId}/report': page,
  'GET /staff/areas/{areaId}/report.csv': csv,
} satisfies Partial<Record<RouteKeyOf<'staff-reports'>, RouteHandler>>;
