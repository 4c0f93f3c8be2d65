import { onFirstUse } from '../kit/routes-on-first-use';
import { jsonHandler } from './shared/page-handler';

// Each route's module is loaded on its first request: the submission's validation is not evaluated to serve the document.
const submission = onFirstUse(() => import('./applications-api/submission'));
const openApi = onFirstUse(() => import('./applications-api/openapi'));

/** The applications API: the same submission as the form, in JSON, described by its OpenAPI document. */
export const handler = jsonHandler(
  'applications-api',
  {
    'POST /api/areas/{areaId}/applications': submission.route('postApplication'),
    'GET /api/openapi.json': openApi.route('showOpenApiDocument'),
  },
  { body: 'json' },
);
