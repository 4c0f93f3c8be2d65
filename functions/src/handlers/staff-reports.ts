import { pathParameter, type HttpEvent } from '../kit/event';
import { httpHandler } from '../kit/http-handler';
import { htmlResponse } from '../kit/responses';
import { csvResponse } from '../csv';
import { reportCsvRows, reportPage } from '../pages/report-page';
import { evaluationReport, regionScope, type ReportScope } from '../report-service';
import { staffView } from '../staff-request';

const published = (event: HttpEvent) => event.queryStringParameters?.published === '1';

function scopeOf(event: HttpEvent): { scope: ReportScope; path: string; file: string } {
  const path = event.requestContext.http.path.replace(/\.csv$/u, '');
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

async function page(event: HttpEvent) {
  const { scope, path } = scopeOf(event);
  const report = await evaluationReport(scope, published(event));
  return htmlResponse(200, reportPage(staffView(event), report, { staff: path, published: `${path}?published=1`, csv: `${path}.csv${report.published ? '?published=1' : ''}` }));
}

async function csv(event: HttpEvent) {
  const { scope, file } = scopeOf(event);
  const report = await evaluationReport(scope, published(event));
  const { header, rows } = reportCsvRows(report);
  return csvResponse(`evaluation-${report.published ? 'published' : file}.csv`, header, rows);
}

/** Evaluation reports for an area, a region and the whole programme, on the page and as CSV. */
export const handler = httpHandler({
  kind: 'page',
  routes: [
    { method: 'GET', path: '/staff/reports', handler: page },
    { method: 'GET', path: '/staff/reports.csv', handler: csv },
    { method: 'GET', path: '/staff/regions/{regionId}/report', handler: page },
    { method: 'GET', path: '/staff/regions/{regionId}/report.csv', handler: csv },
    { method: 'GET', path: '/staff/areas/{areaId}/report', handler: page },
    { method: 'GET', path: '/staff/areas/{areaId}/report.csv', handler: csv },
  ],
});
