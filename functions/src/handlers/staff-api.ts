import { selectionBreaches, toCandidate } from '@pip/domain';
import { pathParameter } from '../kit/event';
import { httpHandler } from '../kit/http-handler';
import { jsonResponse } from '../kit/responses';
import { currentDraft, selectionContext } from '../selection-service';

/** The staff console's facts as JSON, for staff tools; bearer tokens only. */
export const handler = httpHandler({
  kind: 'json',
  routes: [
    {
      method: 'GET',
      path: '/api/staff/areas/{areaId}/applications',
      handler: async (event) => {
        const context = await selectionContext(pathParameter(event, 'areaId'));
        return jsonResponse(200, {
          areaId: context.area.areaId,
          applications: context.applications.map((application) => ({
            ...application,
            meanScore: toCandidate(application, context.reviews).meanScore ?? null,
            reviews: context.reviews.filter((review) => review.applicationId === application.applicationId),
          })),
        });
      },
    },
    {
      method: 'GET',
      path: '/api/staff/areas/{areaId}/selection',
      handler: async (event) => {
        const context = await selectionContext(pathParameter(event, 'areaId'));
        const draft = currentDraft(context);
        return jsonResponse(200, {
          status: context.stored?.status ?? 'proposal',
          selection: draft,
          proposal: context.proposal,
          breaches: selectionBreaches(draft, context.candidates),
        });
      },
    },
  ],
});
