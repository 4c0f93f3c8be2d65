import { pageHandler } from './shared/page-handler';
import { postLead, postSelection, postUndoWithdrawal, postWithdrawal } from './staff-selection/decisions';
import { showSelection } from './staff-selection/show-selection';

/** The selection of six plus six: editing and approving it, then withdrawals (and undoing them) and new leads. */
export const handler = pageHandler('staff-selection', {
  'GET /staff/areas/{areaId}/selection': showSelection,
  'POST /staff/areas/{areaId}/selection': postSelection,
  'POST /staff/areas/{areaId}/selection/withdrawals': postWithdrawal,
  'POST /staff/areas/{areaId}/selection/withdrawals/undo': postUndoWithdrawal,
  'POST /staff/areas/{areaId}/selection/leads': postLead,
});
