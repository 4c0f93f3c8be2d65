import { ConflictError, evaluationSchema, inputFromForm } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { formRoute, formValues, type FormProblem } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import type { RouteKeyOf } from '../../routes';
import { evaluationPage, surveyClosedPage } from '../../pages/evaluation-pages';
import { openEvaluationLink } from '../../use-cases/evaluation/evaluation-link';
import { submitEvaluation } from '../../use-cases/evaluation/submit-evaluation';
import { linkProblem } from '../shared/link-problem';
import { notices } from '../shared/notices';

const ports = platformPorts();

/** What the evaluation page says once the participant's answers are saved (post, redirect, get). */
const done = notices({ saved: 'Thank you: your evaluation is saved. You can change it with the same link until the survey closes.' });

async function showAgain(event: HttpEvent, status: number, problem: FormProblem) {
  const link = await openEvaluationLink(ports, pathParameter(event, 'token'));
  if (link.problem) return linkProblem(link.problem);
  // Refused because the survey closed under them: answers are final, so the form would mislead.
  if (problem.refusal instanceof ConflictError && link.closed) return htmlResponse(409, surveyClosedPage(link.area));
  return htmlResponse(status, evaluationPage(link.area, link.name, link.token, problem.values, { errors: problem.errors }));
}

/** A participant evaluates the programme, and may change their answers until the survey closes. */
export const evaluationRoutes = {
  'GET /evaluation/{token}': async (event) => {
    const link = await openEvaluationLink(ports, pathParameter(event, 'token'));
    if (link.problem) return linkProblem(link.problem);
    if (link.closed) return htmlResponse(200, surveyClosedPage(link.area));
    return htmlResponse(200, evaluationPage(link.area, link.name, link.token, link.response?.answers ?? {}, { notice: done.of(event) }));
  },
  'POST /evaluation/{token}': formRoute(async (event) => {
    const link = await openEvaluationLink(ports, pathParameter(event, 'token'));
    if (link.problem) return linkProblem(link.problem);
    await submitEvaluation(ports, link.area, link.applicationId, inputFromForm(evaluationSchema.shape, formValues(event)), link);
    // The page shows the answers as saved, read afresh: reloading it then sends nothing again.
    return done.redirect(`/evaluation/${encodeURIComponent(link.token)}`, 'saved');
  }, showAgain),
} satisfies Partial<Record<RouteKeyOf<'participant-links'>, RouteHandler>>;
