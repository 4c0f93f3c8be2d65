import { sectorNames, sectors, type Outcome, type Sector } from '@pip/domain';
import type { SafeHtml } from '@pip/html';
import { confirmationPage } from './confirmation-page';
import type { StaffView } from './staff-view';

/** The approval staff are asked to confirm: the selection as edited and every applicant's outcome. */
export interface ApprovalConfirmationView {
  area: { areaId: string; name: string };
  draft: { selected: Record<Sector, string[]>; leads: Partial<Record<Sector, string>> };
  editedVersion: number;
  outcomes: readonly { applicationId: string; name: string; kind: Outcome['kind'] }[];
}

/** The confirmation form carries each sector's selection as one field, its references joined by this; references never contain it. */
export const LIST_SEPARATOR = ',';

const outcomeWords: Record<Outcome['kind'], string> = { selected: 'selected', reserve: 'reserve list', 'not-selected': 'not selected' };

const people = (count: number) => `${count} ${count === 1 ? 'applicant is' : 'applicants are'}`;

/** Before approving: how many applicants will be emailed and what each is told, and that it cannot be undone. */
export function approvalConfirmationPage(staff: StaffView, view: ApprovalConfirmationView): SafeHtml {
  const path = `/staff/areas/${encodeURIComponent(view.area.areaId)}/selection`;
  const count = (kind: Outcome['kind']) => view.outcomes.filter((outcome) => outcome.kind === kind).length;
  const nameOf = (id: string | undefined) => view.outcomes.find((outcome) => outcome.applicationId === id)?.name ?? 'nobody';
  const sectorLines = sectors.map((sector) => {
    const selected = view.draft.selected[sector].length;
    return `${selected} ${sectorNames[sector]} ${selected === 1 ? 'participant' : 'participants'}, led by ${nameOf(view.draft.leads[sector])}`;
  });
  const emailLines = [
    count('selected') > 0 ? `${people(count('selected'))} emailed that they have been selected, each with a link to withdraw.` : '',
    count('reserve') > 0 ? `${people(count('reserve'))} emailed that they are on the reserve list.` : '',
    count('not-selected') > 0 ? `${people(count('not-selected'))} emailed that they have not been selected.` : '',
  ].filter(Boolean);
  const everyone = view.outcomes.length === 1 ? 'the one applicant' : view.outcomes.length === 2 ? 'both applicants' : `all ${view.outcomes.length} applicants`;
  return confirmationPage({
    title: `Approve the selection for ${view.area.name} and email ${everyone}?`,
    consequences: [
      `The selection is approved and locked: ${sectorLines.join('; ')}.`,
      ...emailLines,
      'Staff are then asked to visit the area and schedule its four workshops.',
    ],
    emailed: view.outcomes.map((outcome) => `${outcome.name} (${outcomeWords[outcome.kind]})`),
    irreversible: 'This cannot be undone: once approved, the selection is locked and the emails go out. Later changes are withdrawals and reserve offers.',
    action: path,
    hidden: {
      version: String(view.editedVersion),
      action: 'approve',
      ...Object.fromEntries(sectors.map((sector) => [`selected-${sector}`, view.draft.selected[sector].join(LIST_SEPARATOR)])),
      ...Object.fromEntries(sectors.map((sector) => [`lead-${sector}`, view.draft.leads[sector]])),
    },
    confirmText: 'Yes, approve and email every applicant',
    cancelHref: path,
    staff,
  });
}
