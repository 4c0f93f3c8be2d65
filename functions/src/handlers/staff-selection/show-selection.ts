import { selectionBreaches, sectors, type FieldError, type SelectionDraft } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { formList, formText } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { LIST_SEPARATOR } from '../../pages/approval-confirmation-page';
import { selectionPage } from '../../pages/selection-page';
import { currentDraft, selectionContext } from '../../use-cases/selection/selection-context';
import { withdrawalsOf } from '../../use-cases/selection/withdrawal-records';
import type { RouteHandler } from '../../kit/http-handler';
import { notices } from '../shared/notices';

/** The selection as the form posts it (ticked boxes, or the confirmation page's one field per sector): who is selected in each sector, and who leads. */
export function draftFromForm(event: HttpEvent): SelectionDraft {
  const draft: SelectionDraft = { selected: { 'local-authority': [], 'voluntary-community': [] }, leads: {} };
  for (const sector of sectors) {
    draft.selected[sector] = formList(event, `selected-${sector}`).flatMap((value) => value.split(LIST_SEPARATOR)).filter(Boolean);
    const lead = formText(event, `lead-${sector}`);
    if (lead) draft.leads[sector] = lead;
  }
  return draft;
}

export const selectionPath = (event: HttpEvent) => `/staff/areas/${encodeURIComponent(pathParameter(event, 'areaId'))}/selection`;

/** The selection page: the stored selection (or the one staff just sent back to correct), the rules it breaks, and any notice. */
export async function renderSelection(event: HttpEvent, status: number, options: { draft?: SelectionDraft; errors?: FieldError[]; notice?: string } = {}) {
  const context = await selectionContext(platformPorts(), pathParameter(event, 'areaId'));
  const stored = currentDraft(context);
  const draft = options.draft ? { ...options.draft, version: stored.version } : stored;
  return htmlResponse(
    status,
    selectionPage(staffView(event), {
      ...context,
      withdrawals: withdrawalsOf(context, platformPorts().clock.now()),
      draft,
      breaches: selectionBreaches(draft, context.candidates),
      errors: options.errors ?? [],
      notice: options.notice,
    }),
  );
}

export const selectionNotices = notices({
  saved: 'Your changes to the selection are saved.',
  approved: 'The selection is approved and every applicant is being emailed their outcome.',
  withdrawn: 'The withdrawal is recorded and the place offered to the next reserve.',
  undone: 'The withdrawal is undone: they are taking part again, and have been emailed to say so.',
  lead: 'The new lead is named.',
});

/** GET /staff/areas/{areaId}/selection, with the notice of what was just done. */
export const showSelection: RouteHandler = (event) => renderSelection(event, 200, { notice: selectionNotices.of(event) });
