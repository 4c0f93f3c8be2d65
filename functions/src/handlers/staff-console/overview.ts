import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { overviewPage } from '../../pages/staff-pages';
import { programmeOverview } from '../../use-cases/programme-overview';

/** GET /staff: every area, region by region. */
export const showOverview: RouteHandler = async (event) => htmlResponse(200, overviewPage(staffView(event), await programmeOverview(platformPorts())));
