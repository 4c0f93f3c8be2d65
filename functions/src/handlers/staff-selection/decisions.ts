import { ValidationError } from '@pip/domain';
import { pathParameter } from '../../kit/event';
import { formRoute, formText, readForm } from '../../kit/form';
import { HttpError } from '../../kit/http-error';
import { actorOf } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { approveSelection } from '../../use-cases/selection/approve-selection';
import { nameLead } from '../../use-cases/selection/name-lead';
import { recordWithdrawal } from '../../use-cases/selection/record-withdrawal';
import { saveSelectionDraft } from '../../use-cases/selection/save-selection-draft';
import { draftFromForm, renderSelection, selectionPath, selectionNotices } from './show-selection';



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
      await approveSelection(platformPorts(), areaId, actorOf(event), draft, version);
      return selectionNotices.redirect(selectionPath(event), 'approved');
    }
    await saveSelectionDraft(platformPorts(), areaId, actorOf(event), draft, version);
    return selectionNotices.redirect(selectionPath(event), 'saved');
  },
  (event, status, { errors, refusal }) => renderSelection(event, status, { ...(refusal instanceof ValidationError ? { draft: draftFromForm(event) } : {}), errors }),
);

/** POST /staff/areas/{areaId}/selection/withdrawals: staff record that a participant withdrew. */
export const postWithdrawal = formRoute(
  async (event) => {
    await recordWithdrawal(platformPorts(), pathParameter(event, 'areaId'), formText(event, 'applicationId'), actorOf(event));
    return selectionNotices.redirect(selectionPath(event), 'withdrawn');
  },
  (event, status, { errors }) => renderSelection(event, status, { errors }),
);

/** POST /staff/areas/{areaId}/selection/leads: staff name a new lead after a lead withdrew. */
export const postLead = formRoute(
  async (event) => {
    await nameLead(platformPorts(), pathParameter(event, 'areaId'), readForm(event, { sector: 'text', lead: 'text' }), actorOf(event));
    return selectionNotices.redirect(selectionPath(event), 'lead');
  },
  (event, status, { errors }) => renderSelection(event, status, { errors }),
);
