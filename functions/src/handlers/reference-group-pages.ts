import { onFirstUse } from '../kit/routes-on-first-use';
import { pageHandler } from './shared/page-handler';

// Each page's module is loaded on its first request, so a cold start evaluates only the page it serves.
const home = onFirstUse(() => import('./reference-group-pages/home'));
const signOut = onFirstUse(() => import('./shared/sign-out'));
const reports = onFirstUse(() => import('./reference-group-pages/reports'));
const library = onFirstUse(() => import('./reference-group-pages/library'));

/**
 * The reference group's pages: read-only, published (anonymised) reports and the learning library only. Every route is marked
 * for the reference group in the route table, so the kit refuses anyone signed in outside it and staff.
 */
export const handler = pageHandler('reference-group-pages', {
  'GET /reference': home.route('showReferenceHome'),
  'POST /reference/sign-out': signOut.route('signOut'),
  'GET /reference/reports': reports.route('showPublishedReport'),
  'GET /reference/reports.csv': reports.route('downloadPublishedReport'),
  'GET /reference/regions/{regionId}/report': reports.route('showPublishedReport'),
  'GET /reference/regions/{regionId}/report.csv': reports.route('downloadPublishedReport'),
  'GET /reference/library': library.route('showLibrary'),
  'GET /reference/library.csv': library.route('downloadLibrary'),
});
