import { pageHandler } from './shared/page-handler';
import { followUpRoutes } from './staff-consultancy/follow-up';
import { progressReviewRoutes } from './staff-consultancy/progress-reviews';
import { sessionRoutes } from './staff-consultancy/sessions';

/** The staff console's consultancy pages: slots and sessions, the follow-up review, and progress reviews of the action plan. */
export const handler = pageHandler('staff-consultancy', { ...sessionRoutes, ...followUpRoutes, ...progressReviewRoutes });
