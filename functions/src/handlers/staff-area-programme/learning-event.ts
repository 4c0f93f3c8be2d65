import { ConflictError, regionIdFrom, type FieldError } from '@pip/domain';
import { platformPorts } from '../../composition-root';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute, readForm } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { notices } from '../shared/notices';
import { actorOf, staffView } from '../../kit/staff-auth';
import { learningEventPage } from '../../pages/learning-event-page';
import { learningEventContext } from '../../use-cases/delivery/learning-event-context';
import { scheduleLearningEvent } from '../../use-cases/delivery/schedule-learning-event';

const regionOf = (event: HttpEvent) => regionIdFrom(pathParameter(event, 'regionId'));

async function showLearningEvent(event: HttpEvent, status: number, options: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {}) {
  const context = await learningEventContext(platformPorts(), regionOf(event));
  return htmlResponse(status, learningEventPage(staffView(event), { ...context, values: options.values ?? {}, errors: options.errors ?? [], notice: options.notice }));
}

const learningEventNotices = notices({ scheduled: 'Invitations are on their way to every participant of the region.' });

export const viewLearningEvent: RouteHandler = (event) => showLearningEvent(event, 200, { notice: learningEventNotices.of(event) });

/** A region not yet ready shows the page as it stands; answers to correct are shown again. */
export const scheduleTheLearningEvent = formRoute(
  async (event) => {
    const regionId = regionOf(event);
    await scheduleLearningEvent(platformPorts(), regionId, actorOf(event), readForm(event, { date: 'text', time: 'text', minutes: 'text', venue: 'text' }));
    return learningEventNotices.redirect(`/staff/regions/${encodeURIComponent(regionId)}/learning-event`, 'scheduled');
  },
  (event, status, problem) => showLearningEvent(event, status, problem.refusal instanceof ConflictError ? { errors: problem.errors } : problem),
);
