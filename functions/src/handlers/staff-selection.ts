import { onFirstUse } from '../kit/routes-on-first-use';
import { pageHandler } from './shared/page-handler';

// Each page's module is loaded on its first request, so a cold start evaluates only the page it serves.
const decisions = onFirstUse(() => import('./staff-selection/decisions'));
const selection = onFirstUse(() => import('./staff-selection/show-selection'));

/** The selection of six plus six: editing and approving it, then withdrawals (and undoing them) and new leads. */
export const handler = pageHandler('staff-selection', {
  'GET /staff/areas/{areaId}/selection': selection.route('showSelection'),
  'POST /staff/areas/{areaId}/selection': decisions.route('postSelection'),
  'POST /staff/areas/{areaId}/selection/withdrawals': decisions.route('postWithdrawal'),
  'POST /staff/areas/{areaId}/selection/withdrawals/undo': decisions.route('postUndoWithdrawal'),
  'POST /staff/areas/{areaId}/selection/leads': decisions.route('postLead'),
});
