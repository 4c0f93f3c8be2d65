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
      const result = await submitApplication(platformPorts(), pathParameter(event, 'areaId'), event.parsedBody);
      // Accepted, not done: whoever sent this may not own the address, so they learn nothing of its application.
      if (result.outcome === 'link-sent') {
        return jsonResponse(202, { outcome: result.outcome, message: 'We have emailed you a link to change your application.' });
      }
      return jsonResponse(result.outcome === 'received' ? 201 : 200, { applicationId: result.application.applicationId, outcome: result.outcome });
    },
    'GET /api/openapi.json': () => jsonResponse(200, openApiDocument()),
  },
  { body: 'json' },
);
