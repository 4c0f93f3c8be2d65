import { participationRules, SelectionNotApprovedError, type AreaSelection } from './area-selection';
import { ConflictError } from './errors';
import { defaultSelectionRules, sectors, type Sector, type SelectionRules } from './selection';
import type { Actor } from './staff';
import { formatUkDateTime } from './uk-time';

/** One withdrawal from an approved group, as the selection's history tells it. */
export interface WithdrawalRecord {
  applicationId: string;
  sector: Sector;
  at: string;
  /** Who recorded it; withdrawals from before this was kept have nobody. */
  by?: Actor;
  /** The participant withdrew through their own emailed link: staff did not record it. */
  throughTheirLink: boolean;
  wasLead: boolean;
  /** The reserve who took the place this withdrawal left, and when. */
  placeTakenBy?: { applicationId: string; at: string };
  /** Staff undid it: the person is in the group again. */
  undone?: { at: string; by?: Actor };
}

/** A withdrawal as the selection page lists it: with names, and whether staff may still undo it. */
export interface WithdrawalView extends WithdrawalRecord {
  name: string;
  placeTakenByName?: string;
  undoable: boolean;
}

/** Every withdrawal, oldest first, and per sector the places left by withdrawals that nobody has filled yet, in the order they were left. */
interface History {
  withdrawals: WithdrawalRecord[];
  openPlaces: Record<Sector, WithdrawalRecord[]>;
}

/** Which sector an applicant applied in; the history does not keep it, their application does. */
export type SectorOf = (applicationId: string) => Sector | undefined;

/**
 * Replays the selection's membership facts in the order they happened. A reserve who accepts takes
 * the place left first (offers go down the reserve list one place at a time, so the first place left
 * is the first offered), and an undo gives the person back the place they left.
 */
function replay(selection: AreaSelection, sectorOf: SectorOf): History {
  const withdrawals: WithdrawalRecord[] = [];
  const openPlaces: Record<Sector, WithdrawalRecord[]> = { 'local-authority': [], 'voluntary-community': [] };
  const inOrder = [...(selection.membership ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  for (const fact of inOrder) {
    const sector = sectorOf(fact.applicationId);
    if (!sector) continue;
    if (fact.change === 'left') {
      const record: WithdrawalRecord = {
        applicationId: fact.applicationId,
        sector,
        at: fact.at,
        ...(fact.by ? { by: fact.by } : {}),
        throughTheirLink: fact.by !== undefined && fact.by.staffId === undefined,
        wasLead: fact.wasLead === true,
      };
      withdrawals.push(record);
      openPlaces[sector].push(record);
    } else if (fact.change === 'joined') {
      const place = openPlaces[sector].shift();
      if (place) place.placeTakenBy = { applicationId: fact.applicationId, at: fact.at };
    } else {
      const place = openPlaces[sector].find((record) => record.applicationId === fact.applicationId);
      if (place) {
        openPlaces[sector] = openPlaces[sector].filter((record) => record !== place);
        place.undone = { at: fact.at, ...(fact.by ? { by: fact.by } : {}) };
      }
    }
  }
  return { withdrawals, openPlaces };
}

/** Every withdrawal from the approved group, oldest first: who recorded it, who took the place, whether it was undone. */
export function withdrawalHistory(selection: AreaSelection | undefined, sectorOf: SectorOf): WithdrawalRecord[] {
  return selection?.status === 'approved' ? replay(selection, sectorOf).withdrawals : [];
}

/** How many times staff have undone this person's withdrawal: each time they are in the group again, their emails are new ones. */
export function timesRejoined(selection: AreaSelection | undefined, applicationId: string): number {
  return (selection?.membership ?? []).filter((fact) => fact.change === 'rejoined' && fact.applicationId === applicationId).length;
}

/** How many withdrawals staff have undone in the area: an offer withdrawn by an undo and made again later is a new email. */
export function withdrawalsUndone(selection: AreaSelection | undefined): number {
  return (selection?.membership ?? []).filter((fact) => fact.change === 'rejoined').length;
}

/** Why this withdrawal cannot be undone, in words staff can act on; undefined when it can. */
export function undoProblem(
  selection: AreaSelection,
  record: WithdrawalRecord,
  name: (applicationId: string) => string,
  now: Date,
  rules: SelectionRules = defaultSelectionRules,
): string | undefined {
  const who = name(record.applicationId);
  if (record.undone) return `The withdrawal of ${who} has already been undone.`;
  if (!record.by?.staffId) {
    return record.throughTheirLink
      ? `${who} withdrew through their own link: only a withdrawal staff recorded can be undone.`
      : `It is not known who recorded the withdrawal of ${who}, so it cannot be undone here.`;
  }
  if (now.getTime() - Date.parse(record.at) > participationRules.undoWithdrawalWithin) {
    return `The withdrawal of ${who} was recorded at ${formatUkDateTime(record.at)}, more than a day ago: it can no longer be undone.`;
  }
  if (record.placeTakenBy) return `${name(record.placeTakenBy.applicationId)} has accepted the place ${who} left, so the withdrawal can no longer be undone.`;
  if (selection.selected[record.sector].length >= rules.placesPerSector) return `Every place is filled, so the withdrawal of ${who} can no longer be undone.`;
  return undefined;
}

/** Whether staff may undo this withdrawal now. */
export const canUndo = (selection: AreaSelection, record: WithdrawalRecord, now: Date): boolean =>
  undoProblem(selection, record, (id) => id, now) === undefined;

export interface UndoneWithdrawal {
  selection: AreaSelection;
  /** They led before they withdrew, and nobody has been named lead since: they lead again. */
  leadAgain: boolean;
  /** The reserve offered the place the person left, who had not answered: the offer is withdrawn and they are first reserve again. */
  offerWithdrawnFrom?: string;
}

/** A withdrawal that cannot be undone (recorded through the person's own link, more than a day ago, or its place taken). */
export class WithdrawalNotUndoableError extends ConflictError {
  constructor(message: string) {
    super(message, 'withdrawals');
  }
}

/**
 * Staff undo a withdrawal they recorded by mistake: within a day of recording it, and only while no
 * reserve has accepted the place it left. The person is back in the group from now on, as a dated
 * 'rejoined' fact: who was in the group in between, and what they attended, stay as they were. A
 * reserve who was offered that place and has not answered has the offer withdrawn and goes back to
 * the top of the reserve list, unless another place is open for the offer to stand for.
 */
export function undoWithdrawal(
  current: AreaSelection,
  applicationId: string,
  sectorOf: SectorOf,
  name: (applicationId: string) => string,
  by: Actor,
  now: Date,
  rules: SelectionRules = defaultSelectionRules,
): UndoneWithdrawal {
  if (current.status !== 'approved') throw new SelectionNotApprovedError('withdrawals');
  const { withdrawals, openPlaces } = replay(current, sectorOf);
  const record = withdrawals.filter((withdrawal) => withdrawal.applicationId === applicationId).at(-1);
  const stillOut = current.withdrawn?.includes(applicationId) && !sectors.some((sector) => current.selected[sector].includes(applicationId));
  if (!record || !stillOut) throw new WithdrawalNotUndoableError(`${name(applicationId)} has not withdrawn, so there is nothing to undo.`);
  const problem = undoProblem(current, record, name, now, rules);
  if (problem) throw new WithdrawalNotUndoableError(problem);
  const { sector } = record;
  const selection: AreaSelection = structuredClone(current);
  selection.selected[sector] = [...selection.selected[sector], applicationId];
  selection.withdrawn = (selection.withdrawn ?? []).filter((id) => id !== applicationId);
  selection.membership = [...(selection.membership ?? []), { applicationId, change: 'rejoined', at: now.toISOString(), by }];
  const leadAgain = record.wasLead && !selection.leads[sector];
  if (leadAgain) selection.leads[sector] = applicationId;
  const offered = selection.offered?.[sector];
  const placesStillOpen = openPlaces[sector].filter((place) => place !== record).length;
  if (!offered || placesStillOpen > 0) return { selection, leadAgain };
  delete selection.offered![sector];
  const reserves = { 'local-authority': [], 'voluntary-community': [], ...selection.reserves };
  selection.reserves = { ...reserves, [sector]: [offered, ...reserves[sector]] };
  return { selection, leadAgain, offerWithdrawnFrom: offered };
}
