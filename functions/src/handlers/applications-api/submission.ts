import { pathParameter } from '../../kit/event';
import type { RouteHandler } from '../../kit/http-handler';
import { jsonResponse } from '../../kit/responses';
import { platformPorts } from '../../composition-root';
import { submitApplication } from '../../use-cases/recruitment/submit-application';

/** POST /api/areas/{areaId}/applications: the same submission as the form, in JSON. */
export const postApplication: RouteHandler = async (event) => {
  const result = await submitApplication(platformPorts(), pathParameter(event, 'areaId'), event.parsedBody);
  // Accepted, not done: whoever sent this may not own the address, so they learn nothing of its application.
  if (result.outcome === 'link-sent') {
    return jsonResponse(202, { outcome: result.outcome, message: 'We have emailed you a link to change your application.' });
  }
  return jsonResponse(result.outcome === 'received' ? 201 : 200, { applicationId: result.application.applicationId, outcome: result.outcome });
};
