import type { FieldError } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { htmlResponse } from '../../kit/responses';
import { notices } from '../shared/notices';
import { staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { staffConsultancyPage } from '../../pages/staff-consultancy-page';
import { consultancyOverview } from '../../use-cases/progress-reviews/consultancy-overview';

/** The staff page of an area's consultancy sessions and follow-up review, with a form's answers and errors when it is shown again. */
export async function showConsultancy(event: HttpEvent, status: number, options: { values?: Record<string, string>; errors?: FieldError[]; notice?: string } = {}) {
  const overview = await consultancyOverview(platformPorts(), pathParameter(event, 'areaId'));
  return htmlResponse(status, staffConsultancyPage(staffView(event), { ...overview, values: options.values ?? {}, errors: options.errors ?? [], notice: options.notice }));
}

export const consultancyNotices = notices({
  slot: 'The slot is published.',
  booked: 'The session is booked; the leads and the facilitator are emailed.',
  held: 'Recorded as held.',
  proposed: 'The dates are proposed and every participant is asked.',
  confirmed: 'The date is confirmed and everyone is invited.',
  cancelled: 'The session is cancelled; the leads and the facilitator are emailed.',
  reminded: 'The reminders are sent to those who had not answered.',
  'slot-moved': 'The slot has its new time.',
  'slot-removed': 'The slot is removed.',
});

/** Back to the consultancy page, saying what was done. */
export const done = (event: HttpEvent, what: Parameters<typeof consultancyNotices.redirect>[1]) =>
  consultancyNotices.redirect(`/staff/areas/${encodeURIComponent(pathParameter(event, 'areaId'))}/consultancy`, what);
