import { regionScope, type ReportScope } from '@pip/domain';
import { csvResponse } from '../../kit/csv';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { htmlResponse } from '../../kit/responses';
import { signedInView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { reportCsvRows, reportPage } from '../../pages/report-page';
import { evaluationReport } from '../../use-cases/evaluation/evaluation-report';

/** The programme's report, or a region's: nothing smaller, so no page here is one area's. */
function scopeAsked(event: HttpEvent): { scope: ReportScope; path: string } {
  const path = event.requestContext.http.path.replace(/\.csv$/u, '');
  return path.startsWith('/reference/regions/') ? { scope: regionScope(pathParameter(event, 'regionId')), path } : { scope: { kind: 'programme' }, path };
}

/**
 * Always the version for publication, whatever the address asks: areas numbered, only comments
 * staff marked publishable, never who wrote them or who has not answered.
 */
const publishedReport = (scope: ReportScope) => evaluationReport(platformPorts(), scope, true);

export async function showPublishedReport(event: HttpEvent) {
  const { scope, path } = scopeAsked(event);
  const report = await publishedReport(scope);
  return htmlResponse(200, reportPage(signedInView(event), report, { staff: path, published: path, csv: `${path}.csv` }, { forReferenceGroup: true }));
}

export async function downloadPublishedReport(event: HttpEvent) {
  const { scope } = scopeAsked(event);
  const { header, rows } = reportCsvRows(await publishedReport(scope));
  return csvResponse(`evaluation-published-${scope.kind === 'region' ? scope.regionId : 'programme'}.csv`, header, rows);
}
