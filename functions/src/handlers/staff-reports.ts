import { pageHandler } from './shared/page-handler';
import { evaluationActionRoutes } from './staff-reports/evaluation-actions';
import { libraryRoutes } from './staff-reports/library';
import { reportRoutes } from './staff-reports/reports';

/**
 * Evaluation reports for an area, a region and the whole programme, with the area report's reminders
 * and comments to publish; and the library of action plans.
 */
export const handler = pageHandler('staff-reports', { ...reportRoutes, ...evaluationActionRoutes, ...libraryRoutes });
