import { filtersFromQuery } from '@pip/domain';
import { csvResponse } from '../../kit/csv';
import { pathParameter } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { areaPage } from '../../pages/staff-pages';
import { applicationsExport } from '../../use-cases/selection/applications-export';
import { areaApplications } from '../../use-cases/selection/area-applications';

/** GET /staff/areas/{areaId}: the area's applications, filtered as the address asks; a minimum score that is not one is a 400. */
export const showAreaApplications: RouteHandler = async (event) => {
  const { filters, minScoreText, minScoreError } = filtersFromQuery(event.queryStringParameters ?? {});
  const view = await areaApplications(platformPorts(), pathParameter(event, 'areaId'), filters);
  return htmlResponse(
    minScoreError ? 400 : 200,
    areaPage(staffView(event), { ...view, filters, minScoreText, ...(minScoreError ? { minScoreError } : {}) }),
  );
};

/** GET /staff/areas/{areaId}/applications.csv */
export const downloadApplications: RouteHandler = async (event) => {
  const { filename, header, rows } = await applicationsExport(platformPorts(), pathParameter(event, 'areaId'));
  return csvResponse(filename, header, rows);
};
