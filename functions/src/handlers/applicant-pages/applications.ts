import { ValidationError, answerProblems, checkQuestionPage, nextPageToAnswer, pageOfField, questionPage } from '@pip/domain';
import { pathParameter } from '../../kit/event';
import { formRoute, formText, formValues } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { answersFromForm, confirmationPage, linkSentPage, newApplicationJourney, openAreasPage } from '../../pages/application-pages';
import { areasOpenForApplications } from '../../use-cases/recruitment/areas-open-for-applications';
import { nominationFromLink } from '../../use-cases/recruitment/nomination-from-link';
import { openSavedApplication } from '../../use-cases/recruitment/open-saved-application';
import { submitApplication } from '../../use-cases/recruitment/submit-application';
import { areaOpenNow, firstQuestionPage, journeyPosted, showStepAgain, stepFor } from './application-steps';
import { saveAnswers } from './saved-applications';
import { whileRecruiting } from './while-recruiting';

/** GET /apply: the areas taking applications now. */
export const showOpenAreas: RouteHandler = async () => htmlResponse(200, openAreasPage(await areasOpenForApplications(platformPorts())));

/** GET /apply/{areaId}: the first question page, filled in from a nomination when the person followed a working nomination link. */
export const showApplicationForm: RouteHandler = (event) =>
  whileRecruiting(event, 200, async (area) => {
    const token = event.queryStringParameters?.nomination;
    const nominated = await nominationFromLink(platformPorts(), area.areaId, token);
    if (token && !nominated) return stepFor(newApplicationJourney(area), {}, firstQuestionPage, [], true);
    return stepFor(newApplicationJourney(area, nominated), nominated?.prefill ?? {}, firstQuestionPage);
  });

/**
 * POST /apply/{areaId}: one step of the form. "Continue" checks this page's answers only, then goes
 * to the first page still to answer (or the check page); "Save and come back later" saves them all
 * as they are; the check page's "Change" and the back link go to the page asked for.
 */
export const checkApplication = formRoute(async (event) => {
  const values = formValues(event);
  // Refused first once applications are not open (409, with the page that says so), whatever was posted;
  // the area read for that is the one every step goes on with (one read of it, not one a step).
  const area = await areaOpenNow(event);
  const change = pageOfField(formText(event, 'change'))?.pageId ?? questionPage(formText(event, 'goto'))?.pageId;
  if (change) return htmlResponse(200, stepFor(await journeyPosted(event, area), values, change));
  if (formText(event, 'action') === 'save') return saveAnswers(event, area);
  const page = questionPage(formText(event, 'page'));
  const answers = answersFromForm(values);
  if (page) checkQuestionPage(page, answers);
  else {
    // The whole form in one post (a form drawn before it had pages): every answer checked.
    const problems = answerProblems({ ...answers, privacyConsent: true });
    if (problems.length > 0) throw new ValidationError(problems);
  }
  return htmlResponse(200, stepFor(await journeyPosted(event, area), values, nextPageToAnswer(answers)));
}, showStepAgain);

/** POST /apply/{areaId}/send: the application is received; for an address that has applied already, a link is emailed to it instead. */
export const sendApplication = formRoute(async (event) => {
  const areaId = pathParameter(event, 'areaId');
  const ports = platformPorts();
  const nominated = await nominationFromLink(ports, areaId, formText(event, 'nomination'));
  const savedToken = formText(event, 'saved');
  const saved = savedToken ? await openSavedApplication(ports, areaId, savedToken) : undefined;
  const nomination = nominated?.nomination ?? (saved && !saved.problem ? saved.saved.nomination : undefined);
  const result = await submitApplication(ports, areaId, answersFromForm(formValues(event)), nomination);
  if (result.outcome === 'link-sent') return htmlResponse(200, linkSentPage(result.area));
  return htmlResponse(200, confirmationPage(result.area, result.application));
}, showStepAgain);
