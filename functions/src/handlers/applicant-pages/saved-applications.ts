import { nextPageToAnswer, type Area } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { formText, formValues } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { answersFromForm, newApplicationJourney } from '../../pages/application-pages';
import { answersSavedPage, saveEmailPage } from '../../pages/question-pages';
import { nominationFromLink } from '../../use-cases/recruitment/nomination-from-link';
import { openSavedApplication } from '../../use-cases/recruitment/open-saved-application';
import { saveApplication } from '../../use-cases/recruitment/save-application';
import { linkProblem } from '../shared/link-problem';
import { journeyPosted, newSaveRequest, stepFor } from './application-steps';
import { whileRecruiting } from './while-recruiting';


/**
 * GET /apply/{areaId}/saved/{token}: the saved answers in place, at the first page still to answer
 * (or the check page when every page is answered); saving again keeps to this link.
 */
export const showSavedApplication: RouteHandler = async (event) => {
  const token = pathParameter(event, 'token');
  const opened = await openSavedApplication(platformPorts(), pathParameter(event, 'areaId'), token);
  if (opened.problem) return linkProblem(opened.problem);
  const { saved } = opened;
  return whileRecruiting(event, 200, (area) => stepFor(newApplicationJourney(area, undefined, token), saved.answers, nextPageToAnswer(saved.answers)));
};

export /** "Save and come back later", in the area the step read open: saved and a link emailed, or first the address to email it to. */
async function saveAnswers(event: HttpEvent, area: Area) {
  const values = formValues(event);
  const nominated = await nominationFromLink(platformPorts(), area.areaId, formText(event, 'nomination'));
  const result = await saveApplication(platformPorts(), area, {
    answers: answersFromForm(values),
    saveRequest: formText(event, 'saveRequest'),
    savedToken: formText(event, 'saved') || undefined,
    ...(nominated ? { nomination: nominated.nomination } : {}),
  });
  if (result.outcome === 'needs-email') {
    // Asked for on its own page; said to be wrong only once the person has answered that page.
    const asked = formText(event, 'page') === 'save-email';
    return htmlResponse(asked ? 400 : 200, saveEmailPage(await journeyPosted(event, result.area), values, asked ? [result.problem] : [], newSaveRequest()));
  }
  return htmlResponse(200, answersSavedPage(result.area, result.outcome, result.email, result.expiresAt));
}

