import { regionIdFrom, type FieldError } from '@pip/domain';
import { platformPorts } from '../../composition-root';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute, readForm } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse, redirect } from '../../kit/responses';
import { actorOf, staffView } from '../../kit/staff-auth';
import { learningEventPage } from '../../pages/learning-event-page';
import { learningEventContext } from '../../use-cases/learning-event-context';
import { scheduleLearningEvent } from '../../use-cases/schedule-learning-event';

const regionOf = (event: HttpEvent) => regionIdFrom(pathParameter(event, 'regionId'));

async function showLearningEvent(event: HttpEvent, status: number, options: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {}) {
  const context = await learningEventContext(platformPorts(), regionOf(event));
  return htmlResponse(status, learningEventPage(staffView(event), { ...context, values: options.values ?? {}, errors: options.errors ?? [], notice: options.notice }));
}

export const viewLearningEvent: RouteHandler = (event) =>
  showLearningEvent(event, 200, { notice: event.queryStringParameters?.done ? 'Invitations are on their way to every participant of the region.' : undefined });

/** A region not yet ready (409) shows the page as it stands; answers to correct (400) are shown again. */
export const scheduleTheLearningEvent = formRoute(
  async (event) => {
    const regionId = regionOf(event);
    await scheduleLearningEvent(platformPorts(), regionId, actorOf(event), readForm(event, { date: 'text', time: 'text', minutes: 'text', venue: 'text' }));
    return redirect(`/staff/regions/${encodeURIComponent(regionId)}/learning-event?done=1`);
  },
  (event, status, problem) => showLearningEvent(event, status, status === 409 ? { errors: problem.errors } : problem),
);
