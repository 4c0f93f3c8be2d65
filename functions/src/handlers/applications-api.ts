import { pathParameter } from '../kit/event';
import { httpHandler } from '../kit/http-handler';
import { jsonResponse } from '../kit/responses';
import { openApiDocument } from '../openapi';
import { submitAndDeliver } from '../submit-and-deliver';

export const handler = httpHandler({
  kind: 'json',
  access: 'public',
  body: 'json',
  routes: [
    {
      method: 'POST',
      path: '/api/areas/{areaId}/applications',
      handler: async (event) => {
        const { outcome, application } = await submitAndDeliver(event, pathParameter(event, 'areaId'), event.parsedBody);
        return jsonResponse(outcome === 'received' ? 201 : 200, { applicationId: application.applicationId, outcome });
      },
    },
    { method: 'GET', path: '/api/openapi.json', handler: () => jsonResponse(200, openApiDocument()) },
  ],
});
