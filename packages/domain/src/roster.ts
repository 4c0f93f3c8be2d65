import type { Application } from './application';
import type { Area } from './area';
import type { AreaSelection } from './area-selection';
import type { ParticipationRecord } from './participation-record';
import type { UnreachableAddress } from './ports/email-tracking';
import { sectors } from './selection';
import { formatUkDate } from './uk-time';
import type { RosterStatus } from './roster-status';
import type { Workshop } from './workshop-schedule';

/** The sections of a roster, in the order a programme team reads them. */
export const rosterSections = {
  group: 'In the group',
  reserves: 'Reserves',
  withdrawn: 'Withdrawn',
  'not-selected': 'Not selected',
  'awaiting-selection': 'Awaiting selection',
} as const;

export type RosterSection = keyof typeof rosterSections;

const sectionOrder = Object.keys(rosterSections) as RosterSection[];

export function rosterSectionOf(status: RosterStatus): RosterSection {
  switch (status.kind) {
    case 'lead':
    case 'selected':
    case 'joined':
      return 'group';
    case 'reserve':
      return 'reserves';
    case 'withdrawn':
      return 'withdrawn';
    case 'declined':
    case 'not-selected':
      return 'not-selected';
    default:
      return 'awaiting-selection';
  }
}

/** The latest dated change of one kind for the person: the history may hold a person twice if they came back. */
function lastChange(selection: AreaSelection, applicationId: string, change: 'left' | 'joined'): string | undefined {
  return (selection.membership ?? [])
    .filter((entry) => entry.applicationId === applicationId && entry.change === change)
    .map((entry) => entry.at)
    .sort()
    .at(-1);
}

/** Where one applicant stands: before approval everyone awaits selection; after it, the selection and its history say. */
export function rosterStatus(selection: AreaSelection | undefined, applicationId: string): RosterStatus {
  if (selection?.status !== 'approved') return { kind: 'awaiting-selection' };
  const joinedAt = lastChange(selection, applicationId, 'joined');
  if (sectors.some((sector) => selection.selected[sector].includes(applicationId))) {
    if (sectors.some((sector) => selection.leads[sector] === applicationId)) return { kind: 'lead', ...(joinedAt ? { joinedAt } : {}) };
    return joinedAt ? { kind: 'joined', at: joinedAt } : { kind: 'selected' };
  }
  const outcome = selection.outcomes?.[applicationId];
  const offered = sectors.some((sector) => selection.offered?.[sector] === applicationId);
  const sector = sectors.find((candidate) => selection.reserves?.[candidate]?.includes(applicationId));
  if (offered || sector) {
    const queue = sector ? selection.reserves![sector] : [];
    // The rank the reserve was given at approval, as their email told them; the queue keeps that order.
    const rank = outcome?.kind === 'reserve' ? outcome.rank : queue.indexOf(applicationId) + 1;
    const nextInLine = sector !== undefined && queue[0] === applicationId && !selection.offered?.[sector];
    return { kind: 'reserve', rank, offered, nextInLine };
  }
  if (selection.withdrawn?.includes(applicationId)) {
    const at = lastChange(selection, applicationId, 'left');
    return { kind: 'withdrawn', ...(at ? { at } : {}) };
  }
  if (selection.declined?.includes(applicationId)) return { kind: 'declined' };
  return { kind: 'not-selected' };
}

/** A status in the programme team's words, with UK dates. */
export function rosterStatusInWords(status: RosterStatus): string {
  switch (status.kind) {
    case 'awaiting-selection':
      return 'Awaiting selection';
    case 'lead':
      return status.joinedAt ? `Lead participant (joined from the reserves on ${formatUkDate(status.joinedAt)})` : 'Lead participant';
    case 'selected':
      return 'Selected';
    case 'joined':
      return `Joined from the reserves on ${formatUkDate(status.at)}`;
    case 'reserve':
      return `Reserve ${status.rank}${status.offered ? ', offered a place' : status.nextInLine ? ', next in line' : ''}`;
    case 'withdrawn':
      return status.at ? `Withdrew on ${formatUkDate(status.at)}` : 'Withdrew';
    case 'declined':
      return 'Declined a place offered from the reserves';
    default:
      return 'Not selected';
  }
}

/** One applicant on the roster. */
export interface RosterPlace {
  application: Application;
  status: RosterStatus;
}

const rankWithin = (status: RosterStatus) => (status.kind === 'lead' ? 0 : status.kind === 'reserve' ? status.rank : 1);

/**
 * Every applicant of the area exactly once, with their status: by section, then sector, leads
 * first and reserves in rank order, then by name.
 */
export function rosterOf(applications: readonly Application[], selection: AreaSelection | undefined): RosterPlace[] {
  return applications
    .map((application) => ({ application, status: rosterStatus(selection, application.applicationId) }))
    .sort(
      (a, b) =>
        sectionOrder.indexOf(rosterSectionOf(a.status)) - sectionOrder.indexOf(rosterSectionOf(b.status)) ||
        sectors.indexOf(a.application.answers.sector) - sectors.indexOf(b.application.answers.sector) ||
        rankWithin(a.status) - rankWithin(b.status) ||
        a.application.answers.fullName.localeCompare(b.application.answers.fullName, 'en-GB'),
    );
}

/** One applicant on the roster, with what they have done in the programme so far. */
export interface RosterRow extends RosterPlace {
  record: ParticipationRecord;
  /** Set when the platform could not reach the person's address: staff must check it with them. */
  unreachable?: UnreachableAddress;
}

/** An area's roster: every applicant once, with their status, attendance, consultancy, follow-up and evaluation. */
export interface AreaRoster {
  area: Area;
  approved: boolean;
  /** The workshops as scheduled, in order; none before the schedule is saved. */
  workshops: Workshop[];
  rows: RosterRow[];
}

/** What went wrong with a person's address, as the roster and its CSV say it. */
export const unreachableWords: Record<UnreachableAddress['problem'], string> = {
  bounced: 'Email bounced',
  complained: 'Marked our email as spam',
  'given-up': 'Email could not be sent',
};

/** The whole story of an unreachable address in one sentence: what failed, when, why, and what the platform does now. */
export function unreachableInWords(unreachable: UnreachableAddress): string {
  const consequence = unreachable.suppressed ? 'Nothing more is sent to this address.' : 'The platform still writes to this address.';
  return `${unreachableWords[unreachable.problem]}: “${unreachable.subject}”, ${formatUkDate(unreachable.at)}: ${unreachable.reason}. ${consequence}`;
}
