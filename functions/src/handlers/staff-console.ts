import { pageHandler } from './shared/page-handler';
import { postConflictDeclaration, postEmailCorrection, postReview, showApplication } from './staff-console/application-reviews';
import { downloadApplications, showAreaApplications } from './staff-console/area-applications';
import { postNewArea, showNewArea } from './staff-console/new-area';
import { showOverview } from './staff-console/overview';
import { postPartner, revokePartner, showPartners } from './staff-console/partners';
import { showPeople } from './staff-console/people';
import { postProfile, showProfile } from './staff-console/profile';
import { downloadPersonRecord, postErasure, showPersonRecord } from './staff-console/people-record';
import { downloadRoster, showRoster } from './staff-console/roster';
import { signOut } from './shared/sign-out';
import { downloadTimeline, redirectAuditLog, showTimeline } from './staff-console/timeline';

/** The staff console: the programme overview, adding an area, an area's applications and reviews, its timeline and roster, finding a person. */
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
  'POST /staff/areas/{areaId}/applications/{applicationId}/conflicts': postConflictDeclaration,
  'GET /staff/areas/{areaId}/audit': redirectAuditLog,
  'GET /staff/areas/{areaId}/timeline': showTimeline,
  'GET /staff/areas/{areaId}/timeline.csv': downloadTimeline,
  'GET /staff/areas/{areaId}/roster': showRoster,
  'GET /staff/areas/{areaId}/roster.csv': downloadRoster,
  'GET /staff/people': showPeople,
  'GET /staff/people/record': showPersonRecord,
  'GET /staff/people/record.json': downloadPersonRecord,
  'POST /staff/people/erase': postErasure,
  'POST /staff/sign-out': signOut,
  'GET /staff/profile': showProfile,
  'POST /staff/profile': postProfile,
});
