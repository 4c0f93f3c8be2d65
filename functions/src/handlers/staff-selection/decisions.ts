import { ValidationError, sectors } from '@pip/domain';
import { pathParameter } from '../../kit/event';
import { formRoute, formText } from '../../kit/form';
import { HttpError } from '../../kit/http-error';
import type { RouteHandler } from '../../kit/http-handler';
import { redirect } from '../../kit/responses';
import { actorOf } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { approveSelection } from '../../use-cases/approve-selection';
import { nameLead } from '../../use-cases/name-lead';
import { recordWithdrawal } from '../../use-cases/record-withdrawal';
import { saveSelectionDraft } from '../../use-cases/save-selection-draft';
import { baseUrlOf } from '../shared/page-handler';
import { draftFromForm, renderSelection, selectionPath } from './selection-page';

const NOTICES: Record<string, string> = {
  saved: 'Your changes to the selection are saved.',
  approved: 'The selection is approved and every applicant is being emailed their outcome.',
  withdrawn: 'The withdrawal is recorded and the place offered to the next reserve.',
  lead: 'The new lead is named.',
};

/** GET /staff/areas/{areaId}/selection, with the notice of what was just done. */
export const showSelection: RouteHandler = (event) => renderSelection(event, 200, { notice: NOTICES[event.queryStringParameters?.done ?? ''] });

/**
 * POST /staff/areas/{areaId}/selection: saves or approves the selection as edited. Answers to
 * correct show the edited selection again; a selection changed by someone else shows theirs.
 */
export const postSelection = formRoute(
  async (event) => {
    const draft = draftFromForm(event);
    const version = Number(formText(event, 'version'));
    if (!Number.isInteger(version) || version < 0) throw new HttpError(400, 'The form is missing its version; reload the page');
    const areaId = pathParameter(event, 'areaId');
    if (formText(event, 'action') === 'approve') {
      await approveSelection(platformPorts(), areaId, actorOf(event), draft, version, baseUrlOf(event));
      return redirect(`${selectionPath(event)}?done=approved`);
    }
    await saveSelectionDraft(platformPorts(), areaId, actorOf(event), draft, version);
    return redirect(`${selectionPath(event)}?done=saved`);
  },
  (event, status, { errors }) => renderSelection(event, status, { ...(status === 400 ? { draft: draftFromForm(event) } : {}), errors }),
);

/** POST /staff/areas/{areaId}/selection/withdrawals: staff record that a participant withdrew. */
export const postWithdrawal = formRoute(
  async (event) => {
    await recordWithdrawal(platformPorts(), pathParameter(event, 'areaId'), formText(event, 'applicationId'), actorOf(event), baseUrlOf(event));
    return redirect(`${selectionPath(event)}?done=withdrawn`);
  },
  (event, status, { errors }) => renderSelection(event, status, { errors }),
);

/** POST /staff/areas/{areaId}/selection/leads: staff name a new lead after a lead withdrew. */
export const postLead = formRoute(
  async (event) => {
    const sector = sectors.find((known) => known === formText(event, 'sector'));
    const lead = formText(event, 'lead');
    if (!sector || !lead) throw ValidationError.of('lead', 'Choose the new lead');
    await nameLead(platformPorts(), pathParameter(event, 'areaId'), sector, lead, actorOf(event));
    return redirect(`${selectionPath(event)}?done=lead`);
  },
  (event, status, { errors }) => renderSelection(event, status, { errors }),
);
