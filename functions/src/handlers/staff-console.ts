import { onFirstUse } from '../kit/routes-on-first-use';
import { pageHandler } from './shared/page-handler';

// Each page's module is loaded on its first request, so a cold start evaluates only the page it serves.
const reviews = onFirstUse(() => import('./staff-console/application-reviews'));
const areaApplications = onFirstUse(() => import('./staff-console/area-applications'));
const newArea = onFirstUse(() => import('./staff-console/new-area'));
const overview = onFirstUse(() => import('./staff-console/overview'));
const partners = onFirstUse(() => import('./staff-console/partners'));
const people = onFirstUse(() => import('./staff-console/people'));
const profile = onFirstUse(() => import('./staff-console/profile'));
const personRecord = onFirstUse(() => import('./staff-console/people-record'));
const roster = onFirstUse(() => import('./staff-console/roster'));
const signOut = onFirstUse(() => import('./shared/sign-out'));
const timeline = onFirstUse(() => import('./staff-console/timeline'));

/** The staff console: the programme overview, adding an area, an area's applications and reviews, its timeline and roster, finding a person. */
export const handler = pageHandler('staff-console', {
  'GET /staff': overview.route('showOverview'),
  'GET /staff/new-area': newArea.route('showNewArea'),
  'POST /staff/new-area': newArea.route('postNewArea'),
  'GET /staff/partners': partners.route('showPartners'),
  'POST /staff/partners': partners.route('postPartner'),
  'POST /staff/partners/{partnerId}/revoke': partners.route('revokePartner'),
  'GET /staff/areas/{areaId}': areaApplications.route('showAreaApplications'),
  'GET /staff/areas/{areaId}/applications.csv': areaApplications.route('downloadApplications'),
  'GET /staff/areas/{areaId}/applications/{applicationId}': reviews.route('showApplication'),
  'POST /staff/areas/{areaId}/applications/{applicationId}/reviews': reviews.route('postReview'),
  'POST /staff/areas/{areaId}/applications/{applicationId}/email': reviews.route('postEmailCorrection'),
  'POST /staff/areas/{areaId}/applications/{applicationId}/conflicts': reviews.route('postConflictDeclaration'),
  'GET /staff/areas/{areaId}/audit': timeline.route('redirectAuditLog'),
  'GET /staff/areas/{areaId}/timeline': timeline.route('showTimeline'),
  'GET /staff/areas/{areaId}/timeline.csv': timeline.route('downloadTimeline'),
  'GET /staff/areas/{areaId}/roster': roster.route('showRoster'),
  'GET /staff/areas/{areaId}/roster.csv': roster.route('downloadRoster'),
  'GET /staff/people': people.route('showPeople'),
  'GET /staff/people/record': personRecord.route('showPersonRecord'),
  'GET /staff/people/record.json': personRecord.route('downloadPersonRecord'),
  'POST /staff/people/erase': personRecord.route('postErasure'),
  'POST /staff/sign-out': signOut.route('signOut'),
  'GET /staff/profile': profile.route('showProfile'),
  'POST /staff/profile': profile.route('postProfile'),
});
