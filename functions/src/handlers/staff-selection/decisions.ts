import { ValidationError } from '@pip/domain';
import { pathParameter } from '../../kit/event';
import { formRoute, formText, formValues, readForm } from '../../kit/form';
import { HttpError } from '../../kit/http-error';
import { htmlResponse } from '../../kit/responses';
import { actorOf, staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { approvalConfirmationPage } from '../../pages/approval-confirmation-page';
import { isConfirmed } from '../../pages/confirmation-page';
import { approvalPreview } from '../../use-cases/selection/approval-preview';
import { approveSelection } from '../../use-cases/selection/approve-selection';
import { nameLead } from '../../use-cases/selection/name-lead';
import { recordWithdrawal } from '../../use-cases/selection/record-withdrawal';
import { saveSelectionDraft } from '../../use-cases/selection/save-selection-draft';
import { undoStaffWithdrawal } from '../../use-cases/selection/undo-withdrawal';
import { draftFromForm, renderSelection, selectionPath, selectionNotices } from './show-selection';

/**
 * POST /staff/areas/{areaId}/selection: saves the selection as edited, or approves it. Approving
 * emails every applicant and cannot be undone, so the first click only shows what it would do and
 * asks to confirm; only the confirmation page's post approves. Answers to correct show the edited
 * selection again; a selection changed by someone else shows theirs.
 */
export const postSelection = formRoute(
  async (event) => {
    const draft = draftFromForm(event);
    const version = Number(formText(event, 'version'));
    if (!Number.isInteger(version) || version < 0) throw new HttpError(400, 'The form is missing its version; reload the page');
    const areaId = pathParameter(event, 'areaId');
    if (formText(event, 'action') === 'approve') {
      if (!isConfirmed(formValues(event))) {
        return htmlResponse(200, approvalConfirmationPage(staffView(event), await approvalPreview(platformPorts(), areaId, draft, version)));
      }
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
    const applicationId = formText(event, 'applicationId');
    if (!applicationId) throw ValidationError.of('withdrawing', 'Choose the participant who has withdrawn');
    await recordWithdrawal(platformPorts(), pathParameter(event, 'areaId'), applicationId, actorOf(event));
    return selectionNotices.redirect(selectionPath(event), 'withdrawn');
  },
  (event, status, { errors }) => renderSelection(event, status, { errors }),
);

/** POST /staff/areas/{areaId}/selection/withdrawals/undo: staff undo a withdrawal they recorded by mistake. */
export const postUndoWithdrawal = formRoute(
  async (event) => {
    const applicationId = formText(event, 'applicationId');
    if (!applicationId) throw ValidationError.of('withdrawals', 'Choose the withdrawal to undo');
    await undoStaffWithdrawal(platformPorts(), pathParameter(event, 'areaId'), applicationId, actorOf(event));
    return selectionNotices.redirect(selectionPath(event), 'undone');
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
