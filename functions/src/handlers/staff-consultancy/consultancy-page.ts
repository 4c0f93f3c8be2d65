import type { FieldError } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { htmlResponse, redirect } from '../../kit/responses';
import { staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { staffConsultancyPage } from '../../pages/consultancy-pages';
import { consultancyOverview } from '../../use-cases/consultancy-overview';

/** The staff page of an area's consultancy sessions and follow-up review, with a form's answers and errors when it is shown again. */
export async function showConsultancy(event: HttpEvent, status: number, options: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {}) {
  const overview = await consultancyOverview(platformPorts(), pathParameter(event, 'areaId'));
  return htmlResponse(status, staffConsultancyPage(staffView(event), { ...overview, values: options.values ?? {}, errors: options.errors ?? [], notice: options.notice }));
}

/** Back to the consultancy page, which says what was done. */
export const done = (event: HttpEvent, what: keyof typeof notices) => redirect(`/staff/areas/${encodeURIComponent(pathParameter(event, 'areaId'))}/consultancy?done=${what}`);

export const notices = {
  slot: 'The slot is published.',
  booked: 'The session is booked; the leads and the facilitator are emailed.',
  held: 'Recorded as held.',
  proposed: 'The dates are proposed and every participant is asked.',
  confirmed: 'The date is confirmed and everyone is invited.',
};

export const noticeFor = (done: string | undefined): string | undefined => Object.entries(notices).find(([what]) => what === done)?.[1];
