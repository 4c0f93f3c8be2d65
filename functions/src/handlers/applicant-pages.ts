import { onFirstUse, routeMapOnFirstUse } from '../kit/routes-on-first-use';
import { redirect } from '../kit/responses';
import { pageHandler } from './shared/page-handler';

// Each page's module is loaded on its first request, so a cold start evaluates only the page it serves.
const applications = onFirstUse(() => import('./applicant-pages/applications'));
const saved = onFirstUse(() => import('./applicant-pages/saved-applications'));
const nominations = onFirstUse(() => import('./applicant-pages/nominations'));
const privacy = onFirstUse(() => import('./applicant-pages/privacy'));

/** The public pages: applying to an area, an applicant's own application, nominating a candidate, and the privacy notice. */
export const handler = pageHandler('applicant-pages', {
  'GET /': () => redirect('/apply'),
  'GET /apply': applications.route('showOpenAreas'),
  'GET /apply/{areaId}': applications.route('showApplicationForm'),
  'POST /apply/{areaId}': applications.route('checkApplication'),
  'POST /apply/{areaId}/send': applications.route('sendApplication'),
  'GET /apply/{areaId}/saved/{token}': saved.route('showSavedApplication'),
  ...routeMapOnFirstUse(
    ['GET /application/{token}', 'GET /application/{token}/change', 'POST /application/{token}/change', 'POST /application/{token}/send'],
    () => import('./applicant-pages/own-application').then((module) => module.ownApplicationRoutes),
  ),
  'GET /nominate/{token}': nominations.route('showNominationForm'),
  'POST /nominate/{token}': nominations.route('postNomination'),
  'GET /privacy': privacy.route('showPrivacyNotice'),
});
