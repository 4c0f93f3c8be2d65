import { pageHandler } from './shared/page-handler';
import { evaluationActionRoutes } from './staff-reports/evaluation-actions';
import { reportRoutes } from './staff-reports/reports';

/** Evaluation reports for an area, a region and the whole programme, with the area report's reminders and comments to publish. */
export const handler = pageHandler('staff-reports', { ...reportRoutes, ...evaluationActionRoutes });
