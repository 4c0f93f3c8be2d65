import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute, formText, formValues, type FormProblem } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { answersFromForm, applicationFormPage, confirmationPage, openAreasPage } from '../../pages/application-pages';
import { areasOpenForApplications } from '../../use-cases/recruitment/areas-open-for-applications';
import { nominationFromLink } from '../../use-cases/recruitment/nomination-from-link';
import { submitApplication } from '../../use-cases/recruitment/submit-application';
import { whileRecruiting } from './while-recruiting';

/** GET /apply: the areas taking applications now. */
export const showOpenAreas: RouteHandler = async () => htmlResponse(200, openAreasPage(await areasOpenForApplications(platformPorts())));

/** GET /apply/{areaId}: the form, filled in from a nomination when the person followed a working nomination link. */
export const showApplicationForm: RouteHandler = (event) =>
  whileRecruiting(event, 200, async (area) => {
    const token = event.queryStringParameters?.nomination;
    const nominated = await nominationFromLink(platformPorts(), area.areaId, token);
    if (token && !nominated) return applicationFormPage(area, {}, [], undefined, true);
    return applicationFormPage(area, nominated?.prefill ?? {}, [], nominated);
  });

const nominationPosted = (event: HttpEvent) => nominationFromLink(platformPorts(), pathParameter(event, 'areaId'), formText(event, 'nomination'));

/** The form again with the answers to correct; once applications are not open, the page that says so. */
const showAgain = (event: HttpEvent, status: number, { values, errors }: FormProblem) =>
  whileRecruiting(event, status, async (area) => applicationFormPage(area, values, errors, await nominationPosted(event)));

/** POST /apply/{areaId}: the application is received, or updated when the same email address applied before. */
export const postApplication = formRoute(async (event) => {
  const nominated = await nominationPosted(event);
  const input = answersFromForm(formValues(event));
  const result = await submitApplication(platformPorts(), pathParameter(event, 'areaId'), input, nominated?.nomination);
  return htmlResponse(200, confirmationPage(result.area, result.application, result.outcome));
}, showAgain);
