import type { EmailStatus } from './messages';
import type { SavedApplicationDue } from './saved-applications';

/** An email on the retention index: its wording is due to go from `dueAt`, unless it is still waiting to be sent. */
export interface EmailDue {
  messageId: string;
  dueAt: string;
  status: EmailStatus;
  areaId?: string;
  /** What it said is kept in an item beside it (a sent email worded from its template), which goes with its wording. */
  wordingApart?: boolean;
  /** The email service reported on it: its report's detail (which may quote the address) goes with the wording. */
  hasOutcome?: boolean;
}

/** An emailed link on the retention index, due to be removed from when it expired. */
export interface LinkDue {
  tokenHash: string;
  dueAt: string;
  areaId: string;
}

/** An address the platform could not reach, due to be forgotten. */
export interface UnreachableDue {
  address: string;
  dueAt: string;
  /** Where it stood on the index when read: a problem recorded since moves it, and then it is not removed. */
  ref: string;
}

/** A partner's nomination, due to be removed unless the person went on to apply. */
export interface NominationDue {
  partnerId: string;
  areaId: string;
  candidateEmail: string;
  dueAt: string;
  /** Where it stood on the index when read. */
  ref: string;
}

/**
 * The records on the retention index, kind by kind, and what the retention pass does to them. Every
 * action is conditional on the record still being on the index as it was read, and takes it off the
 * index, so a second pass (or two passes at once) never acts twice; false when it was no longer there.
 */
export interface RetentionIndex {
  /** Emails whose wording is due by `upTo` (ISO), oldest first. */
  emailsDue(upTo: string): Promise<EmailDue[]>;
  /** Removes the email's recipient, subject, wording, attachment and diagnostics; keeps its status, dates and the email service's id. */
  redactEmail(email: EmailDue, at: string): Promise<boolean>;
  /** An email still waiting to be sent: due again at `dueAt` (sending it sets its real date). */
  postponeEmail(email: EmailDue, dueAt: string): Promise<boolean>;
  linksDue(upTo: string): Promise<LinkDue[]>;
  /** Deletes the link: its token then opens nothing. */
  removeLink(link: LinkDue): Promise<boolean>;
  unreachableDue(upTo: string): Promise<UnreachableDue[]>;
  removeUnreachable(record: UnreachableDue): Promise<boolean>;
  nominationsDue(upTo: string): Promise<NominationDue[]>;
  removeNomination(nomination: NominationDue): Promise<boolean>;
  /** Not due yet after all (applications closed later than it was first counted from): due again at `dueAt`. */
  postponeNomination(nomination: NominationDue, dueAt: string): Promise<boolean>;
  /** The person applied: the nomination stays with their application's records and leaves the index. */
  keepNomination(nomination: NominationDue): Promise<boolean>;
  /** Saved applications never sent, due by `upTo`. */
  savedApplicationsDue(upTo: string): Promise<SavedApplicationDue[]>;
  /** Deletes the saved answers: their link then opens nothing. */
  removeSavedApplication(saved: SavedApplicationDue): Promise<boolean>;
  /** Not due yet after all (applications close later than first counted, or it was saved again): due again at `dueAt`. */
  postponeSavedApplication(saved: SavedApplicationDue, dueAt: string): Promise<boolean>;
}
