import { pageHandler } from './shared/page-handler';
import { followUpRoutes } from './staff-consultancy/follow-up';
import { progressReviewRoutes } from './staff-consultancy/progress-reviews';
import { reminderRoutes } from './staff-consultancy/reminders';
import { sessionRoutes } from './staff-consultancy/sessions';
import { slotRoutes } from './staff-consultancy/slots';

/** The staff console's consultancy pages: slots and sessions, the follow-up review, reminders, and progress reviews of the action plan. */
export const handler = pageHandler('staff-consultancy', { ...sessionRoutes, ...slotRoutes, ...followUpRoutes, ...reminderRoutes, ...progressReviewRoutes });
