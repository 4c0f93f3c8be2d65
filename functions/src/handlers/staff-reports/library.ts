import type { FieldError } from '@pip/domain';
import { platformPorts } from '../../composition-root';
import { csvResponse } from '../../kit/csv';
import type { HttpEvent } from '../../kit/event';
import { formRoute } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { staffView } from '../../kit/staff-auth';
import { libraryCsv, libraryPage } from '../../pages/library-page';
import type { RouteKeyOf } from '../../routes';
import { actionPlanLibrary } from '../../use-cases/library/action-plan-library';

const asked = (event: HttpEvent) => ({ theme: event.queryStringParameters?.theme, region: event.queryStringParameters?.region });

async function show(event: HttpEvent, status: number, filter: { theme?: string; region?: string }, errors: FieldError[] = []) {
  const library = await actionPlanLibrary(platformPorts(), filter);
  return htmlResponse(status, libraryPage({ library, basePath: '/staff/library', chrome: { staff: staffView(event), backLink: '/staff' }, errors }));
}

/** The library of action plans for staff, read-only: a filter not on the lists shows the whole library with what was wrong (400). */
export const libraryRoutes = {
  'GET /staff/library': formRoute(
    (event) => show(event, 200, asked(event)),
    (event, status, { errors }) => show(event, status, {}, errors),
  ),
  'GET /staff/library.csv': async (event) => {
    const { filename, header, rows } = libraryCsv(await actionPlanLibrary(platformPorts(), asked(event)));
    return csvResponse(filename, header, rows);
  },
} satisfies Partial<Record<RouteKeyOf<'staff-reports'>, RouteHandler>>;
