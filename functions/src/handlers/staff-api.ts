import { applicationsWithReviews, selectionBreaches } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../kit/event';
import { jsonResponse } from '../kit/responses';
import { platformPorts } from '../composition-root';
import { currentDraft, selectionContext } from '../use-cases/selection/selection-context';
import { jsonHandler } from './shared/page-handler';

/** The staff console's facts as JSON, for staff tools; bearer tokens only. */
export const handler = jsonHandler('staff-api', {
  'GET /api/staff/areas/{areaId}/applications': async (event: HttpEvent) => {
    const context = await selectionContext(platformPorts(), pathParameter(event, 'areaId'));
    return jsonResponse(200, { areaId: context.area.areaId, applications: applicationsWithReviews(context.applications, context.reviews) });
  },
  'GET /api/staff/areas/{areaId}/selection': async (event: HttpEvent) => {
    const context = await selectionContext(platformPorts(), pathParameter(event, 'areaId'));
    const draft = currentDraft(context);
    return jsonResponse(200, {
      status: context.stored?.status ?? 'proposal',
      selection: draft,
      proposal: context.proposal,
      breaches: selectionBreaches(draft, context.candidates),
    });
  },
});
