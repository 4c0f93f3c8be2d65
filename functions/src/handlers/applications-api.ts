import { pathParameter, type HttpEvent } from '../kit/event';
import { jsonResponse } from '../kit/responses';
import { platformPorts } from '../composition-root';
import { openApiDocument } from '../openapi';
import { submitApplication } from '../use-cases/recruitment/submit-application';
import { jsonHandler } from './shared/page-handler';

/** The applications API: the same submission as the form, in JSON, described by its OpenAPI document. */
export const handler = jsonHandler(
  'applications-api',
  {
    'POST /api/areas/{areaId}/applications': async (event: HttpEvent) => {
      const { outcome, application } = await submitApplication(platformPorts(), pathParameter(event, 'areaId'), event.parsedBody);
      return jsonResponse(outcome === 'received' ? 201 : 200, { applicationId: application.applicationId, outcome });
    },
    'GET /api/openapi.json': () => jsonResponse(200, openApiDocument()),
  },
  { body: 'json' },
);
