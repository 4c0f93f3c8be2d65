import { routeMapOnFirstUse } from '../kit/routes-on-first-use';
import { pageHandler } from './shared/page-handler';

/**
 * The staff console's consultancy pages: slots and sessions, the follow-up review, reminders, and progress reviews of the
 * action plan; each group's module loaded on its first request, so a cold start evaluates only the page it serves.
 */
export const handler = pageHandler('staff-consultancy', {
  ...routeMapOnFirstUse(
    [
      'GET /staff/areas/{areaId}/consultancy',
      'POST /staff/areas/{areaId}/consultancy/slots',
      'POST /staff/areas/{areaId}/consultancy/bookings',
      'POST /staff/areas/{areaId}/consultancy/held',
      'POST /staff/areas/{areaId}/consultancy/cancel',
    ],
    () => import('./staff-consultancy/sessions').then((module) => module.sessionRoutes),
  ),
  ...routeMapOnFirstUse(
    ['GET /staff/areas/{areaId}/consultancy/slots/{slotId}', 'POST /staff/areas/{areaId}/consultancy/slots/{slotId}', 'POST /staff/areas/{areaId}/consultancy/slots/{slotId}/remove'],
    () => import('./staff-consultancy/slots').then((module) => module.slotRoutes),
  ),
  ...routeMapOnFirstUse(
    ['POST /staff/areas/{areaId}/consultancy/follow-up', 'POST /staff/areas/{areaId}/consultancy/follow-up/confirm'],
    () => import('./staff-consultancy/follow-up').then((module) => module.followUpRoutes),
  ),
  ...routeMapOnFirstUse(
    ['POST /staff/areas/{areaId}/consultancy/reminders', 'POST /staff/areas/{areaId}/consultancy/follow-up/reminders'],
    () => import('./staff-consultancy/reminders').then((module) => module.reminderRoutes),
  ),
  ...routeMapOnFirstUse(
    ['GET /staff/areas/{areaId}/progress-reviews', 'POST /staff/areas/{areaId}/progress-reviews', 'POST /staff/areas/{areaId}/progress-reviews/sharing'],
    () => import('./staff-consultancy/progress-reviews').then((module) => module.progressReviewRoutes),
  ),
});
