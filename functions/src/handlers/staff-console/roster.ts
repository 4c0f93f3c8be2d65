import { csvResponse } from '../../kit/csv';
import { pathParameter } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { rosterPage } from '../../pages/roster-page';
import { areaRoster } from '../../use-cases/roster/area-roster';
import { rosterExport } from '../../use-cases/roster/roster-export';

/** GET /staff/areas/{areaId}/roster */
export const showRoster: RouteHandler = async (event) =>
  htmlResponse(200, rosterPage(staffView(event), await areaRoster(platformPorts(), pathParameter(event, 'areaId'))));

/** GET /staff/areas/{areaId}/roster.csv */
export const downloadRoster: RouteHandler = async (event) => {
  const { filename, header, rows } = await rosterExport(platformPorts(), pathParameter(event, 'areaId'));
  return csvResponse(filename, header, rows);
};
