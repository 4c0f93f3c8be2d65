/**
 * Where an applicant stands in their area now, derived from the selection and its dated history,
 * never stored, so the roster, the applications table and the search always say the same.
 */
export type RosterStatus =
  | { kind: 'awaiting-selection' }
  | { kind: 'lead'; joinedAt?: string }
  | { kind: 'selected' }
  | { kind: 'joined'; at: string }
  /** `nextInLine`: first of the sector's reserve list while no offer is waiting for an answer. */
  | { kind: 'reserve'; rank: number; offered: boolean; nextInLine: boolean }
  | { kind: 'withdrawn'; at?: string }
  | { kind: 'declined' }
  | { kind: 'not-selected' };
