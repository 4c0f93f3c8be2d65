import { pageHandler } from './shared/page-handler';
import { signOut } from './shared/sign-out';
import { showReferenceHome } from './reference-group-pages/home';
import { downloadLibrary, showLibrary } from './reference-group-pages/library';
import { downloadPublishedReport, showPublishedReport } from './reference-group-pages/reports';

/**
 * The reference group's pages: read-only, published (anonymised) reports and the learning library only. Every route is marked
 * for the reference group in the route table, so the kit refuses anyone signed in outside it and staff.
 */
export const handler = pageHandler('reference-group-pages', {
  'GET /reference': showReferenceHome,
  'POST /reference/sign-out': signOut,
  'GET /reference/reports': showPublishedReport,
  'GET /reference/reports.csv': downloadPublishedReport,
  'GET /reference/regions/{regionId}/report': showPublishedReport,
  'GET /reference/regions/{regionId}/report.csv': downloadPublishedReport,
  'GET /reference/library': showLibrary,
  'GET /reference/library.csv': downloadLibrary,
});
