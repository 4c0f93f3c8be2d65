import type { EmailAllowance } from '../public-emails';
import type { SavedApplication } from '../saved-application';
import type { OutboundEmail } from './messages';

/** The email that carries a new saved application's link, and its count against the address's allowance. */
export interface SavedApplicationEmail {
  /** Its message id comes from the page's save request: the same request again finds it there, and nothing is saved twice. */
  email: OutboundEmail;
  allowance: EmailAllowance;
  /**
   * The address's reminder, queued (or replacing the one waiting) in the same write; left as it is if it
   * no longer waits (sent or withdrawn), without refusing the save.
   */
  reminder?: SavedReminder;
}

/** The one reminder to an address about its saved answers in an area, and the link it carries. */
export interface SavedReminder {
  email: OutboundEmail;
  resumeUrl: string;
  linkExpiresAt: string;
}

/** A saved application as the retention index holds it. */
export interface SavedApplicationDue {
  areaId: string;
  tokenHash: string;
  dueAt: string;
  expiresAt: string;
}

/**
 * Answers saved and not sent, each under the hash of its own link's token: never found by address
 * from outside, so nobody can reach another person's answers by typing their address.
 */
export interface SavedApplicationStore {
  /**
   * Stores new saved answers with the email carrying their link and the email's count, in one write:
   * `repeated` when that email was queued already (a double click), `limit-reached` when only the
   * address's allowance refused it. `retainUntil`: when the retention schedule deletes them.
   */
  create(token: string, saved: SavedApplication, save: SavedApplicationEmail, retainUntil: string): Promise<'written' | 'repeated' | 'limit-reached'>;
  /** The saved answers behind a link, found by the hash of its token. */
  find(areaId: string, token: string): Promise<SavedApplication | undefined>;
  /** Saves again under the same link, renewing its expiry; false when the answers are gone (sent, expired, erased). */
  update(token: string, saved: SavedApplication, retainUntil: string): Promise<boolean>;
  /** Every saved application of an area: for the reminders, never for staff. */
  listForArea(areaId: string): Promise<SavedApplication[]>;
  /** Queues the address's one reminder for the area, or replaces it while it still waits; false once it went or was withdrawn. */
  putReminder(reminder: SavedReminder, at: string): Promise<boolean>;
  /** The address's reminder, while it still waits to go. */
  pendingReminder(messageId: string): Promise<Omit<SavedReminder, 'email'> & { to: string } | undefined>;
  /** They sent their application: every answer they saved for the area goes, and their reminder is withdrawn. How many went. */
  forgetApplicant(areaId: string, email: string, reminderMessageId: string): Promise<number>;
}
