import type { Area } from '@pip/domain';
import type { SafeHtml } from '@pip/html';
import { platformPorts } from '../../composition-root';
import { pathParameter, type HttpEvent, type HttpResult } from '../../kit/event';
import { htmlResponse } from '../../kit/responses';
import { recruitmentNotOpenPage } from '../../pages/application-pages';
import { applicationWindow } from '../../use-cases/recruitment/application-window';

/**
 * A page of the area's recruitment (its application or nomination form): drawn while applications
 * are open; before and after, the page that says when they open or closed.
 */
export async function whileRecruiting(event: HttpEvent, status: number, draw: (area: Area) => SafeHtml | Promise<SafeHtml>): Promise<HttpResult> {
  const { area, state } = await applicationWindow(platformPorts(), pathParameter(event, 'areaId'));
  if (state !== 'open') return htmlResponse(status, recruitmentNotOpenPage(area, state));
  return htmlResponse(status, await draw(area));
}
