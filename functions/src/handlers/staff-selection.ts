import { ValidationError, sectors, selectionBreaches, type SelectionDraft } from '@pip/domain';
import { SelectionChangedError } from '@pip/domain';
import { pathParameter, publicBaseUrl, type HttpEvent } from '../kit/event';
import { HttpError } from '../kit/http-error';
import { httpHandler } from '../kit/http-handler';
import { htmlResponse, redirect } from '../kit/responses';
import type { StaffEvent } from '../kit/staff-auth';
import { selectionPage } from '../pages/selection-page';
import { approveSelection, currentDraft, nameLead, recordWithdrawal, saveDraft, selectionContext } from '../selection-service';
import { getPlatform } from '../wiring';
import { actorOf } from '../staff-request';

type Form = Record<string, string | string[] | undefined>;

const NOTICES: Record<string, string> = {
  saved: 'Your changes to the selection are saved.',
  approved: 'The selection is approved and every applicant is being emailed their outcome.',
  withdrawn: 'The withdrawal is recorded and the place offered to the next reserve.',
  lead: 'The new lead is named.',
};

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function draftFromForm(form: Form): SelectionDraft {
  const draft: SelectionDraft = { selected: { 'local-authority': [], 'voluntary-community': [] }, leads: {} };
  for (const sector of sectors) {
    draft.selected[sector] = list(form[`selected-${sector}`]);
    const lead = one(form[`lead-${sector}`]);
    if (lead) draft.leads[sector] = lead;
  }
  return draft;
}


async function render(event: HttpEvent, status: number, options: { draft?: SelectionDraft; errors?: ValidationError['fieldErrors']; notice?: string } = {}) {
  const context = await selectionContext(pathParameter(event, 'areaId'));
  const stored = currentDraft(context);
  const draft = options.draft ? { ...options.draft, version: stored.version } : stored;
  const { csrfToken, staff } = event as StaffEvent;
  return htmlResponse(
    status,
    selectionPage(
      { name: staff.name, csrfToken },
      { ...context, draft, breaches: selectionBreaches(draft, context.candidates), errors: options.errors ?? [], notice: options.notice },
    ),
  );
}

const selectionPath = (event: HttpEvent) => `/staff/areas/${encodeURIComponent(pathParameter(event, 'areaId'))}/selection`;

export const handler = httpHandler({
  kind: 'page',
  body: 'form',
  routes: [
    {
      method: 'GET',
      path: '/staff/areas/{areaId}/selection',
      handler: (event) => render(event, 200, { notice: NOTICES[event.queryStringParameters?.done ?? ''] }),
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/selection',
      handler: async (event) => {
        const form = (event.parsedBody ?? {}) as Form;
        const draft = draftFromForm(form);
        const version = Number(one(form.version));
        if (!Number.isInteger(version) || version < 0) throw new HttpError(400, 'The form is missing its version; reload the page');
        const areaId = pathParameter(event, 'areaId');
        try {
          if (one(form.action) === 'approve') {
            await approveSelection(areaId, actorOf(event), draft, version, publicBaseUrl(event, getPlatform().publicBaseUrl));
            return redirect(`${selectionPath(event)}?done=approved`);
          }
          await saveDraft(areaId, actorOf(event), draft, version);
          return redirect(`${selectionPath(event)}?done=saved`);
        } catch (error) {
          if (error instanceof ValidationError) return render(event, 400, { draft, errors: error.fieldErrors });
          if (error instanceof SelectionChangedError) return render(event, 409, { errors: [{ field: 'selection', message: error.message }] });
          throw error;
        }
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/selection/withdrawals',
      handler: async (event) => {
        const applicationId = one((event.parsedBody as Form).applicationId) ?? '';
        const done = await recordWithdrawal(pathParameter(event, 'areaId'), applicationId, actorOf(event), publicBaseUrl(event, getPlatform().publicBaseUrl));
        if (!done) return render(event, 409, { errors: [{ field: 'withdrawing', message: 'That person is not a selected participant of an approved selection' }] });
        return redirect(`${selectionPath(event)}?done=withdrawn`);
      },
    },
    {
      method: 'POST',
      path: '/staff/areas/{areaId}/selection/leads',
      handler: async (event) => {
        const form = event.parsedBody as Form;
        const sector = sectors.find((s) => s === one(form.sector));
        const lead = one(form.lead);
        if (!sector || !lead) return render(event, 400, { errors: [{ field: 'lead', message: 'Choose the new lead' }] });
        try {
          await nameLead(pathParameter(event, 'areaId'), sector, lead, actorOf(event));
        } catch (error) {
          if (error instanceof ValidationError) return render(event, 400, { errors: error.fieldErrors });
          throw error;
        }
        return redirect(`${selectionPath(event)}?done=lead`);
      },
    },
  ],
});
