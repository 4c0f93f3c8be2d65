import { pageHandler } from './shared/page-handler';
import { postEmailCorrection, postReview, showApplication } from './staff-console/application-reviews';
import { downloadApplications, showAreaApplications } from './staff-console/area-applications';
import { showAuditLog } from './staff-console/audit-log';
import { postNewArea, showNewArea } from './staff-console/new-area';
import { showOverview } from './staff-console/overview';
import { postPartner, revokePartner, showPartners } from './staff-console/partners';
import { showPeople } from './staff-console/people';
import { downloadRoster, showRoster } from './staff-console/roster';
import { signOut } from './staff-console/sign-out';

/** The staff console: the programme overview, adding an area, an area's applications and reviews, its audit log and roster, finding a person. */
export const handler = pageHandler('staff-console', {
  'GET /staff': showOverview,
  'GET /staff/new-area': showNewArea,
  'POST /staff/new-area': postNewArea,
  'GET /staff/partners': showPartners,
  'POST /staff/partners': postPartner,
  'POST /staff/partners/{partnerId}/revoke': revokePartner,
  'GET /staff/areas/{areaId}': showAreaApplications,
  'GET /staff/areas/{areaId}/applications.csv': downloadApplications,
  'GET /staff/areas/{areaId}/applications/{applicationId}': showApplication,
  'POST /staff/areas/{areaId}/applications/{applicationId}/reviews': postReview,
  'POST /staff/areas/{areaId}/applications/{applicationId}/email': postEmailCorrection,
  'GET /staff/areas/{areaId}/audit': showAuditLog,
  'GET /staff/areas/{areaId}/roster': showRoster,
  'GET /staff/areas/{areaId}/roster.csv': downloadRoster,
  'GET /staff/people': showPeople,
  'POST /staff/sign-out': signOut,
});
