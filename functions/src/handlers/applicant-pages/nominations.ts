import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute, formValues, type FormProblem } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { recruitmentNotOpenPage } from '../../pages/application-pages';
import { nominationFormPage, nominationFromForm, nominationSentPage } from '../../pages/nomination-pages';
import { applicationWindow } from '../../use-cases/application-window';
import { nominateCandidate } from '../../use-cases/nominate-candidate';

/** GET /nominate/{areaId}: the nomination form while applications are open. */
export const showNominationForm: RouteHandler = async (event) => {
  const { area, state } = await applicationWindow(platformPorts(), pathParameter(event, 'areaId'));
  if (state !== 'open') return htmlResponse(200, recruitmentNotOpenPage(area, state));
  return htmlResponse(200, nominationFormPage(area, {}));
};

/** The form again with the answers to correct; once applications are not open, the page that says so. */
async function showAgain(event: HttpEvent, status: number, { values, errors }: FormProblem) {
  const { area, state } = await applicationWindow(platformPorts(), pathParameter(event, 'areaId'));
  if (state !== 'open') return htmlResponse(status, recruitmentNotOpenPage(area, state));
  return htmlResponse(status, nominationFormPage(area, values, errors));
}

/** POST /nominate/{areaId}: the candidate is emailed their link to apply, and the nominator a confirmation. */
export const postNomination = formRoute(async (event) => {
  const input = nominationFromForm(formValues(event));
  const { area, answers } = await nominateCandidate(platformPorts(), pathParameter(event, 'areaId'), input);
  return htmlResponse(200, nominationSentPage(area, answers));
}, showAgain);
