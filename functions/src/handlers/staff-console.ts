import { pageHandler } from './shared/page-handler';
import { postReview, showApplication } from './staff-console/application-reviews';
import { downloadApplications, showAreaApplications } from './staff-console/area-applications';
import { showAuditLog } from './staff-console/audit-log';
import { postNewArea, showNewArea } from './staff-console/new-area';
import { showOverview } from './staff-console/overview';
import { signOut } from './staff-console/sign-out';

/** The staff console: the programme overview, adding an area, an area's applications and reviews, its audit log. */
export const handler = pageHandler('staff-console', {
  'GET /staff': showOverview,
  'GET /staff/new-area': showNewArea,
  'POST /staff/new-area': postNewArea,
  'GET /staff/areas/{areaId}': showAreaApplications,
  'GET /staff/areas/{areaId}/applications.csv': downloadApplications,
  'GET /staff/areas/{areaId}/applications/{applicationId}': showApplication,
  'POST /staff/areas/{areaId}/applications/{applicationId}/reviews': postReview,
  'GET /staff/areas/{areaId}/audit': showAuditLog,
  'POST /staff/sign-out': signOut,
});
