import { selectionBreaches, sectors, type FieldError, type SelectionDraft } from '@pip/domain';
import { pathParameter, type HttpEvent } from '../../kit/event';
import { formList, formText } from '../../kit/form';
import { htmlResponse } from '../../kit/responses';
import { staffView } from '../../kit/staff-auth';
import { platformPorts } from '../../composition-root';
import { selectionPage } from '../../pages/selection-page';
import { currentDraft, selectionContext } from '../../use-cases/selection/selection-context';
import type { RouteHandler } from '../../kit/http-handler';
import { notices } from '../shared/notices';

/** The selection as the form posts it: who is selected in each sector, and who leads. */
export function draftFromForm(event: HttpEvent): SelectionDraft {
  const draft: SelectionDraft = { selected: { 'local-authority': [], 'voluntary-community': [] }, leads: {} };
  for (const sector of sectors) {
    draft.selected[sector] = formList(event, `selected-${sector}`);
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
  lead: 'The new lead is named.',
});

/** GET /staff/areas/{areaId}/selection, with the notice of what was just done. */
export const showSelection: RouteHandler = (event) => renderSelection(event, 200, { notice: selectionNotices.of(event) });
