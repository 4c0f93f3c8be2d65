import type { Actor } from './staff';
import {
  byRank,
  proposeSelection,
  sectors,
  sectorNames,
  type Candidate,
  type Outcome,
  type Proposal,
  type Sector,
  type SelectionDraft,
  type SelectionRules,
  defaultSelectionRules,
} from './selection';

/** The stored selection of an area: a draft staff edit, then, once approved, locked. */
export interface AreaSelection extends SelectionDraft {
  areaId: string;
  version: number;
  status: 'draft' | 'approved';
  updatedBy: Actor;
  updatedAt: string;
  approvedBy?: Actor;
  approvedAt?: string;
  /** Frozen at approval: each applicant's outcome and its reasons. */
  outcomes?: Record<string, Outcome>;
  /** After approval: the reserve order still to be offered, per sector. */
  reserves?: Record<Sector, string[]>;
  /** The reserve currently offered a place, per sector, awaiting their answer. */
  offered?: Partial<Record<Sector, string>>;
  withdrawn?: string[];
  declined?: string[];
}

const emptySectors = (): Record<Sector, string[]> => ({ 'local-authority': [], 'voluntary-community': [] });

/** The outcomes the approved selection gives every applicant, explained from the proposal and the edits. */
export function finalOutcomes(
  draft: SelectionDraft,
  candidates: readonly Candidate[],
  rules: SelectionRules = defaultSelectionRules,
): { outcomes: Record<string, Outcome>; reserves: Record<Sector, string[]> } {
  const proposal: Proposal = proposeSelection(candidates, rules);
  const chosen = new Set(sectors.flatMap((sector) => draft.selected[sector]));
  const outcomes: Record<string, Outcome> = {};
  const reserves = emptySectors();
  for (const sector of sectors) {
    const ranked = candidates.filter((c) => c.sector === sector).sort(byRank);
    for (const candidate of ranked) {
      const id = candidate.applicationId;
      const proposed = proposal.outcomes[id]!;
      if (chosen.has(id)) {
        const reasons = proposed.kind === 'selected' ? proposed.reasons : [...proposed.reasons, 'Added to the selection by staff, editing the proposal.'];
        const lead = draft.leads[sector] === id ? [`Named lead ${sectorNames[sector]} participant.`] : [];
        outcomes[id] = { kind: 'selected', reasons: [...reasons, ...lead] };
      } else if (proposed.kind === 'not-selected') {
        outcomes[id] = proposed;
      } else {
        reserves[sector].push(id);
        const removed = proposed.kind === 'selected' ? ['Taken out of the proposed selection by staff.'] : [];
        outcomes[id] = {
          kind: 'reserve',
          rank: reserves[sector].length,
          reasons: [proposed.reasons[0]!, ...removed, `Reserve ${reserves[sector].length} for the ${sectorNames[sector]}.`],
        };
      }
    }
  }
  return { outcomes, reserves };
}

export interface Withdrawal {
  selection: AreaSelection;
  /** The reserve now offered the place, if any is left. */
  offeredTo?: string;
  wasLead: boolean;
}

function offerNext(selection: AreaSelection, sector: Sector): string | undefined {
  const next = selection.reserves?.[sector]?.[0];
  if (!next) return undefined;
  selection.reserves = { ...emptySectors(), ...selection.reserves, [sector]: selection.reserves![sector].slice(1) };
  selection.offered = { ...selection.offered, [sector]: next };
  return next;
}

function sectorOf(selection: AreaSelection, applicationId: string): Sector | undefined {
  return sectors.find((sector) => selection.selected[sector].includes(applicationId));
}

/** A selected participant leaves; the next reserve of the same sector is offered the place. */
export function withdrawParticipant(current: AreaSelection, applicationId: string): Withdrawal | undefined {
  const sector = sectorOf(current, applicationId);
  if (current.status !== 'approved' || !sector) return undefined;
  const selection: AreaSelection = structuredClone(current);
  selection.selected[sector] = selection.selected[sector].filter((id) => id !== applicationId);
  selection.withdrawn = [...(selection.withdrawn ?? []), applicationId];
  const wasLead = selection.leads[sector] === applicationId;
  if (wasLead) delete selection.leads[sector];
  const offeredTo = selection.offered?.[sector] ? undefined : offerNext(selection, sector);
  return { selection, offeredTo, wasLead };
}

/** The offered reserve answers; a decline passes the offer down the list. */
export function answerOffer(
  current: AreaSelection,
  applicationId: string,
  accepted: boolean,
  rules: SelectionRules = defaultSelectionRules,
): { selection: AreaSelection; offeredTo?: string } | undefined {
  const sector = sectors.find((s) => current.offered?.[s] === applicationId);
  if (current.status !== 'approved' || !sector) return undefined;
  const selection: AreaSelection = structuredClone(current);
  delete selection.offered![sector];
  if (accepted) {
    selection.selected[sector] = [...selection.selected[sector], applicationId];
    // Two withdrawals close together leave a second place to offer once the first is filled.
    const placeLeft = selection.selected[sector].length < rules.placesPerSector;
    return { selection, offeredTo: placeLeft ? offerNext(selection, sector) : undefined };
  }
  selection.declined = [...(selection.declined ?? []), applicationId];
  return { selection, offeredTo: offerNext(selection, sector) };
}
