import { htmlResponse, redirect } from '../kit/responses';
import { privacyPage } from '../pages/privacy-page';
import { postApplication, showApplicationForm, showOpenAreas } from './applicant-pages/applications';
import { postNomination, showNominationForm } from './applicant-pages/nominations';
import { pageHandler } from './shared/page-handler';

/** The public pages: applying to an area, nominating a candidate, and the privacy notice. */
export const handler = pageHandler('applicant-pages', {
  'GET /': () => redirect('/apply'),
  'GET /apply': showOpenAreas,
  'GET /apply/{areaId}': showApplicationForm,
  'POST /apply/{areaId}': postApplication,
  'GET /nominate/{areaId}': showNominationForm,
  'POST /nominate/{areaId}': postNomination,
  'GET /privacy': () => htmlResponse(200, privacyPage()),
});
