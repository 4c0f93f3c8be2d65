import { ValidationError, type FieldError } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { formRoute, formText, formValues, readForm } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import type { RouteKeyOf } from '../../routes';
import { isConfirmed } from '../../pages/confirmation-page';
import { bookingPage, cancelSessionConfirmationPage } from '../../pages/consultancy-pages';
import { bookConsultancySession } from '../../use-cases/progress-reviews/book-consultancy-session';
import { assertCancellable, cancelConsultancySession } from '../../use-cases/progress-reviews/cancel-consultancy-session';
import { openConsultancyLink } from '../../use-cases/progress-reviews/consultancy-link';
import { linkProblem } from '../shared/link-problem';
import { notices } from '../shared/notices';

const ports = platformPorts();

/** What the booking page says once a lead's post has done its work (post, redirect, get). */
const done = notices({
  booked: 'Booked. You, the other lead and the facilitator will get an email with a calendar file.',
  moved: 'Moved. You, the other lead and the facilitator will get an email with a calendar file.',
  cancelled: 'The session is cancelled. Everyone has been told, and you can book another time.',
});

/** The booking page as the session stands now, read afresh through the lead's link. */
async function showBooking(event: HttpEvent, status: number, options: { errors?: FieldError[]; notice?: string } = {}) {
  const link = await openConsultancyLink(ports, pathParameter(event, 'token'));
  if (link.problem) return linkProblem(link.problem);
  return htmlResponse(status, bookingPage(link.state, link.token, options));
}

const consultancyPath = (token: string) => `/consultancy/${encodeURIComponent(token)}`;

const pageOutOfDate = () => ValidationError.of('slotId', 'This page is out of date. Open your link again to see the session as it is now.');

/**
 * The booking the lead's page showed them (-1: nothing booked yet). Every page says, so a post that
 * does not is not from one, and is refused rather than let through unchecked.
 */
const sequenceSeen = (posted: string): number => {
  if (!/^(-1|\d+)$/u.test(posted)) throw pageOutOfDate();
  return Number(posted);
};

/** The version the chosen time had on the lead's page: each time shown carries one. */
const versionSeen = (posted: string): number => {
  if (!/^\d+$/u.test(posted)) throw pageOutOfDate();
  return Number(posted);
};

/** A lead books, moves or cancels (after a confirmation page) their area's consultancy session from the link in their email. */
export const consultancyRoutes = {
  'GET /consultancy/{token}': (event) => showBooking(event, 200, { notice: done.of(event) }),
  'POST /consultancy/{token}': formRoute(
    async (event) => {
      const link = await openConsultancyLink(ports, pathParameter(event, 'token'));
      if (link.problem) return linkProblem(link.problem);
      const form = readForm(event, { action: 'text', slotId: 'text', sequence: 'text' });
      if (form.action === 'cancel') {
        // The booking page's button only asks; the confirmation page's own form cancels.
        if (!isConfirmed(formValues(event))) {
          assertCancellable(link.state, 'lead');
          return htmlResponse(200, cancelSessionConfirmationPage(link.state, link.token));
        }
        // A session that can no longer be cancelled says so, whatever page the post came from.
        assertCancellable(link.state, 'lead');
        await cancelConsultancySession(ports, link.state, { by: 'lead', lead: link.lead, expectedSequence: sequenceSeen(form.sequence) });
        return done.redirect(consultancyPath(link.token), 'cancelled');
      }
      // No time chosen is for the booking to say ("Choose a time"); a chosen one must say how the page showed it.
      const slotVersion = form.slotId ? versionSeen(formText(event, `seen-${form.slotId}`)) : undefined;
      const moving = link.state.booking?.status === 'booked';
      await bookConsultancySession(ports, link.state, form.slotId, link.lead, sequenceSeen(form.sequence), slotVersion);
      // The page as it stands now is the GET's to show: reloading it then books nothing again.
      return done.redirect(consultancyPath(link.token), moving ? 'moved' : 'booked');
    },
    (event, status, problem) => showBooking(event, status, { errors: problem.errors }),
  ),
} satisfies Partial<Record<RouteKeyOf<'participant-links'>, RouteHandler>>;
