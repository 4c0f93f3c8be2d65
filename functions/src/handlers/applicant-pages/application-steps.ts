import { applicationQuestionPages, pageOfField, parseApplicationAnswers, questionPage, refuseUnlessRecruiting, type Area, type FieldError } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { formText, type FormProblem } from '../../kit/form';
import { platformPorts } from '../../composition-root';
import { checkAnswersPage } from '../../pages/application-answers-pages';
import { answersFromForm, newApplicationJourney, type ApplicationJourney } from '../../pages/application-pages';
import type { FormValues } from '../../pages/form-fields';
import { questionPageView, saveEmailPage } from '../../pages/question-pages';
import { nominationFromLink } from '../../use-cases/recruitment/nomination-from-link';
import { whileRecruiting } from './while-recruiting';

/** The first question page of the application form. */
export const firstQuestionPage = applicationQuestionPages[0].pageId;

/** A fresh id for a page's "Save and come back later": the same save posted twice then saves once. */
export const newSaveRequest = () => Buffer.from(platformPorts().random(16)).toString('base64url');

/** The step to show for these answers: a question page, or the check page once every page is answered. */
export function stepFor(journey: ApplicationJourney, values: FormValues, to: string, errors: readonly FieldError[] = [], nominationLinkFailed = false) {
  const question = questionPage(to);
  if (question) return questionPageView(journey, question, values, errors, { saveRequest: newSaveRequest(), nominationLinkFailed });
  return checkAnswersPage(journey, parseApplicationAnswers({ ...answersFromForm(values), privacyConsent: true }), errors);
}

export /** The journey a step was posted from: a nomination's and a saved application's link carried along. */
async function journeyPosted(event: HttpEvent, area: Area): Promise<ApplicationJourney> {
  const nominated = await nominationFromLink(platformPorts(), area.areaId, formText(event, 'nomination'));
  return newApplicationJourney(area, nominated, formText(event, 'saved') || undefined);
}

export /**
 * A step refused: the save page again for a save (the address, or today's emails used up), else the
 * page the first problem is on with that page's problems only, or the check page for the privacy notice.
 */
const showStepAgain = (event: HttpEvent, status: number, { values, errors }: Pick<FormProblem, 'values' | 'errors'>) =>
  whileRecruiting(event, status, async (area) => {
    const journey = await journeyPosted(event, area);
    if (formText(event, 'action') === 'save') return saveEmailPage(journey, values, errors, newSaveRequest());
    const question = pageOfField(errors[0]?.field ?? '') ?? questionPage(formText(event, 'page'));
    if (!question) return stepFor(journey, values, 'check', errors);
    const own = new Set<string>(question.fields);
    return stepFor(journey, values, question.pageId, errors.filter((error) => own.has(error.field)));
  });

/** The area of the path, refused once applications are not open (409, with the page that says so): the step then goes on with the area it read. */
export async function areaOpenNow(event: HttpEvent): Promise<Area> {
  const ports = platformPorts();
  const area = await ports.areas.existing(pathParameter(event, 'areaId'));
  refuseUnlessRecruiting(area, ports.clock.now());
  return area;
}

