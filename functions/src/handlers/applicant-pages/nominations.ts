import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute, formValues, type FormProblem } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { nominationFormPage, nominationFromForm, nominationSentPage } from '../../pages/nomination-pages';
import { whileRecruiting } from './while-recruiting';
import { nominateCandidate } from '../../use-cases/recruitment/nominate-candidate';

/** GET /nominate/{areaId}: the nomination form while applications are open. */
export const showNominationForm: RouteHandler = (event) => whileRecruiting(event, 200, (area) => nominationFormPage(area, {}));

/** The form again with the answers to correct; once applications are not open, the page that says so. */
const showAgain = (event: HttpEvent, status: number, { values, errors }: FormProblem) =>
  whileRecruiting(event, status, (area) => nominationFormPage(area, values, errors));

/** POST /nominate/{areaId}: the candidate is emailed their link to apply, and the nominator a confirmation. */
export const postNomination = formRoute(async (event) => {
  const input = nominationFromForm(formValues(event));
  const { area, answers } = await nominateCandidate(platformPorts(), pathParameter(event, 'areaId'), input);
  return htmlResponse(200, nominationSentPage(area, answers));
}, showAgain);
