import { pathParameter, type HttpEvent, type HttpResult } from '../../kit/event';
import { formRoute, formText, formValues, type FormProblem } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { applicationChangedPage, checkAnswersPage, ownApplicationPage } from '../../pages/application-answers-pages';
import { answersFromForm, applicationFormPage, changeJourney, formFromAnswers } from '../../pages/application-pages';
import type { FormValues } from '../../pages/form-fields';
import { changeApplication } from '../../use-cases/recruitment/change-application';
import { checkChangedApplication } from '../../use-cases/recruitment/check-application';
import { openOwnApplication, type OpenOwnApplication } from '../../use-cases/recruitment/own-application';
import { linkProblem } from '../shared/link-problem';

/** Runs `then` with the application behind the link in the path; a link that does not open gets its page, and nothing changes. */
async function withOwnApplication(event: HttpEvent, then: (own: OpenOwnApplication) => Promise<HttpResult> | HttpResult): Promise<HttpResult> {
  const own = await openOwnApplication(platformPorts(), pathParameter(event, 'token'));
  if (own.problem) return linkProblem(own.problem);
  return then(own);
}

const ownPage = (own: OpenOwnApplication, status = 200) =>
  htmlResponse(status, ownApplicationPage({ area: own.area, application: own.application, token: own.token, open: own.state === 'open' }));

/** The form of a change with these answers while applications are open; once they have closed, the answers as they stand. */
const changeForm = (own: OpenOwnApplication, status: number, values: FormValues, errors: FormProblem['errors'] = []) =>
  own.state === 'open'
    ? htmlResponse(status, applicationFormPage(changeJourney(own.area, own.token, own.application.answers.email), values, errors))
    : ownPage(own, status === 200 ? 200 : 409);

const showAgain = (event: HttpEvent, status: number, { values, errors }: FormProblem) =>
  withOwnApplication(event, (own) => changeForm(own, status, values, errors));

/** The applicant's own application, through the link in their emails: to see what they sent and, while applications are open, to change it. */
export const ownApplicationRoutes = {
  'GET /application/{token}': ((event) => withOwnApplication(event, (own) => ownPage(own))) satisfies RouteHandler,

  'GET /application/{token}/change': ((event) =>
    withOwnApplication(event, (own) => changeForm(own, 200, formFromAnswers(own.application.answers)))) satisfies RouteHandler,

  /** The changed answers checked and shown to send; or back to the form to change one. */
  'POST /application/{token}/change': formRoute((event) =>
    withOwnApplication(event, (own) => {
      if (formText(event, 'change')) return changeForm(own, 200, formValues(event));
      const answers = checkChangedApplication(platformPorts(), own, answersFromForm(formValues(event)));
      return htmlResponse(200, checkAnswersPage(changeJourney(own.area, own.token, own.application.answers.email), answers));
    }), showAgain),

  'POST /application/{token}/send': formRoute((event) =>
    withOwnApplication(event, async (own) => {
      const { outcome, application } = await changeApplication(platformPorts(), own, answersFromForm(formValues(event)));
      return htmlResponse(200, applicationChangedPage(application, own.token, outcome));
    }), showAgain),
};
