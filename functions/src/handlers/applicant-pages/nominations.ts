import type { PartnerLinkProblem } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute, formValues, type FormProblem } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { nominationFormPage, nominationFromForm, nominationLinkProblemPage, nominationSentPage } from '../../pages/nomination-pages';
import { nominateCandidate } from '../../use-cases/recruitment/nominate-candidate';
import { openPartnerLink } from '../../use-cases/recruitment/partner-link';

/** Not a partner's link (404), or one that worked and no longer does (410): its page, and nothing stored or sent. */
const linkProblem = (problem: PartnerLinkProblem) => htmlResponse(problem === 'unknown' ? 404 : 410, nominationLinkProblemPage(problem));

/** The partner's form, with the answers to correct if there are any; a link that does not open, the page that says why. */
async function showForm(event: HttpEvent, status: number, values: FormProblem['values'] = {}, errors: FormProblem['errors'] = []) {
  const token = pathParameter(event, 'token');
  const opened = await openPartnerLink(platformPorts(), token);
  if (opened.problem) return linkProblem(opened.problem);
  return htmlResponse(status, nominationFormPage({ token, ...opened }, values, errors));
}

/** GET /nominate/{token}: the nomination form behind a partner's personal link. */
export const showNominationForm: RouteHandler = (event) => showForm(event, 200);

/** POST /nominate/{token}: the candidate is emailed their link to apply, and the partner's contact a confirmation. */
export const postNomination = formRoute(
  async (event) => {
    const token = pathParameter(event, 'token');
    const outcome = await nominateCandidate(platformPorts(), token, nominationFromForm(formValues(event)));
    if (outcome.problem) return linkProblem(outcome.problem);
    return htmlResponse(200, nominationSentPage(outcome, token));
  },
  (event, status, { values, errors }) => showForm(event, status, values, errors),
);
