import { onFirstUse } from '../kit/routes-on-first-use';
import { jsonHandler } from './shared/page-handler';

// Loaded on the first request, so a cold start evaluates the router (and its token check) before the selection's rules.
const facts = onFirstUse(() => import('./staff-api/selection-facts'));

/** The staff console's facts as JSON, for staff tools; bearer tokens only. */
export const handler = jsonHandler('staff-api', {
  'GET /api/staff/areas/{areaId}/applications': facts.route('listApplications'),
  'GET /api/staff/areas/{areaId}/selection': facts.route('showSelection'),
});
