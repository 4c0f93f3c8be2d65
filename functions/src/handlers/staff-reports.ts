import { routeMapOnFirstUse } from '../kit/routes-on-first-use';
import { pageHandler } from './shared/page-handler';

/**
 * Evaluation reports for an area, a region and the whole programme, with the area report's reminders
 * and comments to publish; and the library of action plans. Each group's module is loaded on its first request.
 */
export const handler = pageHandler('staff-reports', {
  ...routeMapOnFirstUse(
    [
      'GET /staff/reports',
      'GET /staff/reports.csv',
      'GET /staff/regions/{regionId}/report',
      'GET /staff/regions/{regionId}/report.csv',
      'GET /staff/areas/{areaId}/report',
      'GET /staff/areas/{areaId}/report.csv',
    ],
    () => import('./staff-reports/reports').then((module) => module.reportRoutes),
  ),
  ...routeMapOnFirstUse(
    ['POST /staff/areas/{areaId}/report/reminders', 'POST /staff/areas/{areaId}/report/comments'],
    () => import('./staff-reports/evaluation-actions').then((module) => module.evaluationActionRoutes),
  ),
  ...routeMapOnFirstUse(['GET /staff/library', 'GET /staff/library.csv'], () => import('./staff-reports/library').then((module) => module.libraryRoutes)),
});
