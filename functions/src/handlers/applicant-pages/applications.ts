import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute, formText, formValues, type FormProblem } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { answersFromForm, applicationFormPage, confirmationPage, openAreasPage, recruitmentNotOpenPage } from '../../pages/application-pages';
import { applicationWindow } from '../../use-cases/application-window';
import { areasOpenForApplications } from '../../use-cases/areas-open-for-applications';
import { nominationFromLink } from '../../use-cases/nomination-from-link';
import { submitApplication } from '../../use-cases/submit-application';

/** GET /apply: the areas taking applications now. */
export const showOpenAreas: RouteHandler = async () => htmlResponse(200, openAreasPage(await areasOpenForApplications(platformPorts())));

/** GET /apply/{areaId}: the form, filled in from a nomination when the person followed a working nomination link. */
export const showApplicationForm: RouteHandler = async (event) => {
  const ports = platformPorts();
  const { area, state } = await applicationWindow(ports, pathParameter(event, 'areaId'));
  if (state !== 'open') return htmlResponse(200, recruitmentNotOpenPage(area, state));
  const token = event.queryStringParameters?.nomination;
  const nominated = await nominationFromLink(ports, area.areaId, token);
  if (token && !nominated) return htmlResponse(200, applicationFormPage(area, {}, [], undefined, true));
  return htmlResponse(200, applicationFormPage(area, nominated?.prefill ?? {}, [], nominated));
};

const nominationPosted = (event: HttpEvent) => nominationFromLink(platformPorts(), pathParameter(event, 'areaId'), formText(event, 'nomination'));

/** The form again with the answers to correct; once applications are not open, the page that says so. */
async function showAgain(event: HttpEvent, status: number, { values, errors }: FormProblem) {
  const { area, state } = await applicationWindow(platformPorts(), pathParameter(event, 'areaId'));
  if (state !== 'open') return htmlResponse(status, recruitmentNotOpenPage(area, state));
  return htmlResponse(status, applicationFormPage(area, values, errors, await nominationPosted(event)));
}

/** POST /apply/{areaId}: the application is received, or updated when the same email address applied before. */
export const postApplication = formRoute(async (event) => {
  const nominated = await nominationPosted(event);
  const input = answersFromForm(formValues(event));
  const result = await submitApplication(platformPorts(), pathParameter(event, 'areaId'), input, nominated?.nomination);
  return htmlResponse(200, confirmationPage(result.area, result.application, result.outcome));
}, showAgain);
