import { pathParameter } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { auditPage } from '../../pages/audit-page';
import { areaAuditLog } from '../../use-cases/selection/area-audit-log';

/** GET /staff/areas/{areaId}/audit */
export const showAuditLog: RouteHandler = async (event) => {
  const { area, entries, nameOf } = await areaAuditLog(platformPorts(), pathParameter(event, 'areaId'));
  return htmlResponse(200, auditPage(staffView(event), area, entries, nameOf));
};
