import type { FieldError } from '@pip/domain';
import { platformPorts } from '../../composition-root';
import { csvResponse } from '../../kit/csv';
import type { HttpEvent } from '../../kit/event';
import { formRoute } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { signedInView } from '../../kit/staff-auth';
import { libraryCsv, libraryPage } from '../../pages/library-page';
import { actionPlanLibrary } from '../../use-cases/library/action-plan-library';

const asked = (event: HttpEvent) => ({ theme: event.queryStringParameters?.theme, region: event.queryStringParameters?.region });

/** The library as staff see it (it holds only shared objectives, with no area or person), in the reference group's layout. */
async function show(event: HttpEvent, status: number, filter: { theme?: string; region?: string }, errors: FieldError[] = []) {
  const library = await actionPlanLibrary(platformPorts(), filter);
  return htmlResponse(status, libraryPage({ library, basePath: '/reference/library', chrome: { referenceGroup: signedInView(event), backLink: '/reference' }, errors }));
}

/** A filter not on the lists shows the whole library with what was wrong (400). */
export const showLibrary = formRoute(
  (event) => show(event, 200, asked(event)),
  (event, status, { errors }) => show(event, status, {}, errors),
);

export async function downloadLibrary(event: HttpEvent) {
  const { filename, header, rows } = libraryCsv(await actionPlanLibrary(platformPorts(), asked(event)));
  return csvResponse(filename, header, rows);
}
