import { recruitmentState, type Area } from './area';
import { DAY, daysAfter } from './durations';
import { ConflictError, SelectionChangedError, ValidationError, type FieldError } from './errors';
import type { EmailedLink } from './ports/messages';
import type { Actor } from './staff';
import { formatUkDateTime } from './uk-time';
import {
  byRank,
  proposeSelection,
  sameSelection,
  selectionBreaches,
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
  /** After approval: who left the group and who joined it, and when, in the order it happened. */
  membership?: MembershipChange[];
}

/**
 * One change of who is in an area's group after approval: a withdrawal, a reserve taking a place, or
 * staff undoing a withdrawal recorded by mistake. An undo is a fact of its own: it never edits the withdrawal.
 */
export interface MembershipChange {
  applicationId: string;
  change: 'left' | 'joined' | 'rejoined';
  at: string;
  /** Who recorded it: a staff member, or the person through their emailed link (facts from before this was kept have none). */
  by?: Actor;
  /** On a withdrawal: they were a lead, so undoing it can make them lead again. */
  wasLead?: true;
}

/**
 * Who was in the group at an instant: those selected at approval, with every withdrawal and every
 * accepted place up to that instant. What happened later never changes the answer for an earlier one.
 */
export function groupOn(selection: AreaSelection, at: string): Set<string> {
  const members = new Set<string>();
  if (selection.status !== 'approved') return members;
  for (const [applicationId, outcome] of Object.entries(selection.outcomes ?? {})) if (outcome.kind === 'selected') members.add(applicationId);
  const inOrder = [...(selection.membership ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  for (const { applicationId, change, at: when } of inOrder) {
    if (when > at) break;
    if (change === 'left') members.delete(applicationId);
    else members.add(applicationId);
  }
  return members;
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

/** A selected participant leaves, as `by` records it; the next reserve of the same sector is offered the place. */
export function withdrawParticipant(current: AreaSelection, applicationId: string, at: string, by?: Actor): Withdrawal | undefined {
  const sector = sectorOf(current, applicationId);
  if (current.status !== 'approved' || !sector) return undefined;
  const selection: AreaSelection = structuredClone(current);
  selection.selected[sector] = selection.selected[sector].filter((id) => id !== applicationId);
  selection.withdrawn = [...(selection.withdrawn ?? []), applicationId];
  const wasLead = selection.leads[sector] === applicationId;
  const left: MembershipChange = { applicationId, change: 'left', at, ...(by ? { by } : {}), ...(wasLead ? { wasLead: true as const } : {}) };
  selection.membership = [...(selection.membership ?? []), left];
  if (wasLead) delete selection.leads[sector];
  const offeredTo = selection.offered?.[sector] ? undefined : offerNext(selection, sector);
  return { selection, offeredTo, wasLead };
}

/** The offered reserve answers; a decline passes the offer down the list. */
export function answerOffer(
  current: AreaSelection,
  applicationId: string,
  accepted: boolean,
  at: string,
  rules: SelectionRules = defaultSelectionRules,
): { selection: AreaSelection; offeredTo?: string } | undefined {
  const sector = sectors.find((s) => current.offered?.[s] === applicationId);
  if (current.status !== 'approved' || !sector) return undefined;
  const selection: AreaSelection = structuredClone(current);
  delete selection.offered![sector];
  if (accepted) {
    selection.selected[sector] = [...selection.selected[sector], applicationId];
    selection.membership = [...(selection.membership ?? []), { applicationId, change: 'joined', at }];
    // Two withdrawals close together leave a second place to offer once the first is filled.
    const placeLeft = selection.selected[sector].length < rules.placesPerSector;
    return { selection, offeredTo: placeLeft ? offerNext(selection, sector) : undefined };
  }
  selection.declined = [...(selection.declined ?? []), applicationId];
  return { selection, offeredTo: offerNext(selection, sector) };
}

/** How long the emailed links about a place on the programme work, and how long staff may undo a withdrawal they recorded. */
export const participationRules = {
  /** Staff may undo a withdrawal they recorded by mistake for a day after recording it, if nobody has taken the place. */
  undoWithdrawalWithin: DAY,
  /** A selected participant may withdraw at any time up to the end of the programme, about nine months. */
  withdrawLinkDays: 270,
  /** A reserve offered a place answers within two weeks; after that the offer's link no longer works. */
  offerAnswerDays: 14,
} as const;

/** The link in a selected participant's email that lets them withdraw. */
export function withdrawalLink(areaId: string, applicationId: string, now: Date): EmailedLink {
  return { purpose: 'withdraw', areaId, applicationId, expiresAt: daysAfter(now, participationRules.withdrawLinkDays) };
}

/** The link in a reserve's email that lets them accept or decline the place offered; it expires when the answer is due. */
export function placeOfferLink(areaId: string, applicationId: string, now: Date): EmailedLink {
  return { purpose: 'reserve-offer', areaId, applicationId, expiresAt: daysAfter(now, participationRules.offerAnswerDays) };
}

/** Whether the applicant is one of the two leads. */
export function isLead(selection: SelectionDraft, applicationId: string): boolean {
  return sectors.some((sector) => selection.leads[sector] === applicationId);
}

/** Where a person stands in an area's selection now: offered a place, holding one, having left one, or none of these. */
export type Place = 'selected' | 'offered' | 'withdrawn' | 'none';

export function placeOf(selection: AreaSelection | undefined, applicationId: string): Place {
  if (!selection) return 'none';
  if (sectors.some((sector) => selection.offered?.[sector] === applicationId)) return 'offered';
  if (sectors.some((sector) => selection.selected[sector].includes(applicationId))) return 'selected';
  if (selection.withdrawn?.includes(applicationId)) return 'withdrawn';
  return 'none';
}

/** Who is selected and who leads, as the audit log keeps a selection before and after a change. */
export function selectionSnapshot(selection: SelectionDraft | undefined): SelectionDraft | undefined {
  return selection ? { selected: selection.selected, leads: selection.leads } : undefined;
}

/** Someone changed or approved the selection since this person loaded it: what they are told. */
export function selectionChangedUnder(stored: AreaSelection | undefined): SelectionChangedError {
  const what = stored?.status === 'approved' ? `${stored.approvedBy?.name ?? 'Someone'} approved it` : `${stored?.updatedBy.name ?? 'someone'} changed it`;
  return new SelectionChangedError(
    `The selection changed while you were looking at it: ${what}. Nothing you sent was saved. Check the current selection and try again.`,
  );
}

/** Why a selection cannot be approved yet: applications still open, or a rule it breaks that blocks approval. */
export function approvalProblems(area: Area, draft: SelectionDraft, candidates: readonly Candidate[], now: Date): FieldError[] {
  if (recruitmentState(area, now) !== 'closed') {
    return [{ field: 'selection', message: `Applications are open until ${formatUkDateTime(area.recruitment.closesAt)}: approve the selection once they have closed.` }];
  }
  return selectionBreaches(draft, candidates)
    .filter((breach) => breach.blocksApproval)
    .map((breach) => ({ field: 'selection', message: breach.message }));
}

/** The stored approval, when this is the same approval again: the same staff member approving the same selection, as a retry does. */
export function repeatedApproval(stored: AreaSelection | undefined, draft: SelectionDraft, actor: Actor): AreaSelection | undefined {
  return stored?.status === 'approved' && stored.approvedBy?.staffId === actor.staffId && sameSelection(stored, draft) ? stored : undefined;
}

/** A draft staff saved, replacing the version they edited. */
export function draftSelection(areaId: string, draft: SelectionDraft, actor: Actor, editedVersion: number, at: string): AreaSelection {
  return { areaId, ...draft, version: editedVersion + 1, status: 'draft', updatedBy: actor, updatedAt: at };
}

/** The approved selection: locked, with every applicant's outcome and the reserve order frozen. */
export function approvedSelection(areaId: string, draft: SelectionDraft, candidates: readonly Candidate[], actor: Actor, editedVersion: number, at: string): AreaSelection {
  const { outcomes, reserves } = finalOutcomes(draft, candidates);
  return {
    areaId,
    ...draft,
    version: editedVersion + 1,
    status: 'approved',
    updatedBy: actor,
    updatedAt: at,
    approvedBy: actor,
    approvedAt: at,
    outcomes,
    reserves,
    offered: {},
    withdrawn: [],
    declined: [],
  };
}

/** Staff name a new lead, from those selected, after a lead withdrew. */
export function withLead(current: AreaSelection, sector: Sector, applicationId: string): AreaSelection {
  if (!current.selected[sector].includes(applicationId)) throw ValidationError.of(`lead-${sector}`, 'Choose the new lead from those selected');
  return { ...current, leads: { ...current.leads, [sector]: applicationId } };
}

/** The person is not a selected participant of an approved selection, so has no place to withdraw from. */
export class NotSelectedError extends ConflictError {
  constructor() {
    super('That person is not a selected participant of an approved selection', 'withdrawing');
  }
}

/** The reserve's offer was answered already, or has passed to someone else. */
export class OfferClosedError extends ConflictError {
  constructor() {
    super('You have already answered this offer, or it has passed to someone else.');
  }
}

/** Withdrawals, offers and new leads change an approved selection: before approval there is none to change. */
export class SelectionNotApprovedError extends ConflictError {
  constructor(field = 'main-content') {
    super('The selection is not approved yet: approve it first.', field);
  }
}

/** The audit log's title and line for each decision about a selection. */
export const selectionAudit = {
  edited: () => ({ action: 'Selection edited', summary: 'Changed who is selected or who leads.' }),
  approved: (draft: SelectionDraft) => ({
    action: 'Selection approved',
    summary: `Approved ${draft.selected['local-authority'].length} local authority and ${draft.selected['voluntary-community'].length} VCS participants, with their leads. The selection is now locked.`,
  }),
  withdrew: (name: string, wasLead: boolean, offeredTo: string | undefined) => ({
    action: 'Participant withdrew',
    summary: [
      `${name} withdrew.`,
      wasLead ? 'They were a lead: name a new lead.' : '',
      offeredTo ? `The place was offered to ${offeredTo}, the next reserve.` : 'No reserve is left to offer the place to.',
    ]
      .filter(Boolean)
      .join(' '),
  }),
  offerAnswered: (name: string, accepted: boolean, offeredTo: string | undefined) => ({
    action: accepted ? 'Reserve accepted a place' : 'Reserve declined a place',
    summary: `${name} ${accepted ? 'accepted' : 'declined'} the place offered.${offeredTo ? ` The place was offered to ${offeredTo}.` : ''}`,
  }),
  leadNamed: (name: string) => ({ action: 'Lead named', summary: `${name} is now a lead participant.` }),
  withdrawalUndone: (name: string, by: string, leadAgain: boolean, offerWithdrawnFrom: string | undefined) => ({
    action: 'Withdrawal undone',
    summary: [
      `Withdrawal of ${name} undone by ${by}: they are taking part again.`,
      leadAgain ? 'They lead again.' : '',
      offerWithdrawnFrom ? `The place offered to ${offerWithdrawnFrom} is withdrawn; they are first on the reserve list again.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  }),
};

/** A participant acting through their emailed link, as the audit log names them. */
export function throughTheirLink(fullName: string): Actor {
  return { name: `${fullName} (through their emailed link)` };
}
