import { htmlResponse, redirect } from '../kit/responses';
import { privacyPage } from '../pages/privacy-page';
import { checkApplication, sendApplication, showApplicationForm, showOpenAreas } from './applicant-pages/applications';
import { showSavedApplication } from './applicant-pages/saved-applications';
import { postNomination, showNominationForm } from './applicant-pages/nominations';
import { ownApplicationRoutes } from './applicant-pages/own-application';
import { pageHandler } from './shared/page-handler';

/** The public pages: applying to an area, an applicant's own application, nominating a candidate, and the privacy notice. */
export const handler = pageHandler('applicant-pages', {
  'GET /': () => redirect('/apply'),
  'GET /apply': showOpenAreas,
  'GET /apply/{areaId}': showApplicationForm,
  'POST /apply/{areaId}': checkApplication,
  'POST /apply/{areaId}/send': sendApplication,
  'GET /apply/{areaId}/saved/{token}': showSavedApplication,
  ...ownApplicationRoutes,
  'GET /nominate/{token}': showNominationForm,
  'POST /nominate/{token}': postNomination,
  'GET /privacy': () => htmlResponse(200, privacyPage()),
});
