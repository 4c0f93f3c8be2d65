import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute, formText, formValues, type FormProblem } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { checkAnswersPage } from '../../pages/application-answers-pages';
import {
  answersFromForm,
  applicationFormPage,
  confirmationPage,
  linkSentPage,
  newApplicationJourney,
  openAreasPage,
} from '../../pages/application-pages';
import { areasOpenForApplications } from '../../use-cases/recruitment/areas-open-for-applications';
import { checkNewApplication } from '../../use-cases/recruitment/check-application';
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
    if (token && !nominated) return applicationFormPage(newApplicationJourney(area), {}, [], true);
    return applicationFormPage(newApplicationJourney(area, nominated), nominated?.prefill ?? {}, []);
  });

const nominationPosted = (event: HttpEvent) => nominationFromLink(platformPorts(), pathParameter(event, 'areaId'), formText(event, 'nomination'));

/** The form with the answers posted: to correct them, or to change one from the check page. Once applications are not open, the page that says so. */
const showForm = (event: HttpEvent, status: number, { values, errors }: Pick<FormProblem, 'values' | 'errors'>) =>
  whileRecruiting(event, status, async (area) => applicationFormPage(newApplicationJourney(area, await nominationPosted(event)), values, errors));

/** POST /apply/{areaId}: the answers checked, then shown to the applicant to send; or back to the form to change one. */
export const checkApplication = formRoute(async (event) => {
  if (formText(event, 'change')) return showForm(event, 200, { values: formValues(event), errors: [] });
  const { area, answers } = await checkNewApplication(platformPorts(), pathParameter(event, 'areaId'), answersFromForm(formValues(event)));
  return htmlResponse(200, checkAnswersPage(newApplicationJourney(area, await nominationPosted(event)), answers));
}, showForm);

/** POST /apply/{areaId}/send: the application is received; for an address that has applied already, a link is emailed to it instead. */
export const sendApplication = formRoute(async (event) => {
  const nominated = await nominationPosted(event);
  const input = answersFromForm(formValues(event));
  const result = await submitApplication(platformPorts(), pathParameter(event, 'areaId'), input, nominated?.nomination);
  if (result.outcome === 'link-sent') return htmlResponse(200, linkSentPage(result.area));
  return htmlResponse(200, confirmationPage(result.area, result.application));
}, showForm);
