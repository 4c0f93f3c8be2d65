import { ValidationError, type FieldError } from '@pip/domain';
import { platformPorts } from '../../composition-root';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { formRoute, readForm } from '../../kit/form';
import type { RouteHandler } from '../../kit/http-handler';
import { htmlResponse } from '../../kit/responses';
import { actorOf, staffView } from '../../kit/staff-auth';
import { recruitmentWindowPage } from '../../pages/recruitment-window-page';
import { changeRecruitmentWindow } from '../../use-cases/recruitment/change-recruitment-window';
import { notices } from '../shared/notices';

const windowNotices = notices({
  changed: 'The recruitment window is changed. The workflow follows it within the hour.',
  unchanged: 'The window was already as you sent it: nothing changed.',
});

const windowForm = {
  'opens-date': 'text',
  'opens-time': 'text',
  'closes-date': 'text',
  'closes-time': 'text',
  seenOpensAt: 'text',
  seenClosesAt: 'text',
} as const;

const windowPath = (areaId: string) => `/staff/areas/${encodeURIComponent(areaId)}/window`;

async function showWindow(event: HttpEvent, status: number, options: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {}) {
  const ports = platformPorts();
  const area = await ports.areas.existing(pathParameter(event, 'areaId'));
  const view = { area, now: ports.clock.now(), values: options.values ?? {}, errors: options.errors ?? [], notice: options.notice };
  return htmlResponse(status, recruitmentWindowPage(staffView(event), view));
}

/** GET /staff/areas/{areaId}/window */
export const viewRecruitmentWindow: RouteHandler = (event) => showWindow(event, 200, { notice: windowNotices.of(event) });

/** POST /staff/areas/{areaId}/window: answers to correct are shown again; once applications have closed, the page says so. */
export const changeTheRecruitmentWindow = formRoute(
  async (event) => {
    const areaId = pathParameter(event, 'areaId');
    const form = readForm(event, windowForm);
    const outcome = await changeRecruitmentWindow(
      platformPorts(),
      areaId,
      {
        opens: { date: form['opens-date'], time: form['opens-time'] },
        closes: { date: form['closes-date'], time: form['closes-time'] },
        seen: { opensAt: form.seenOpensAt, closesAt: form.seenClosesAt },
      },
      actorOf(event),
    );
    return windowNotices.redirect(windowPath(areaId), outcome);
  },
  (event, status, problem) => showWindow(event, status, problem.refusal instanceof ValidationError ? problem : { errors: problem.errors }),
);
