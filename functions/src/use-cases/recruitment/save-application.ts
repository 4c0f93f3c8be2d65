import {
  EmailLimitReachedError,
  applicantKey,
  SAVE_REQUEST_PATTERN,
  emailAllowance,
  refuseUnlessRecruiting,
  savedAnswersFrom,
  savedApplicationDueAt,
  savedLinkExpiresAt,
  savingAddress,
  type Area,
  type FieldError,
  type Nomination,
  type Ports,
  type SavedApplication,
} from '@pip/domain';
import { savedApplicationEmails } from '@pip/mail';
import { openSavedApplication } from './open-saved-application';
import { remindOfSavedApplication, savedApplicationUrl, savedReminderOf, withdrawReminderOfOldAddress } from './saved-reminders';

export type SaveApplicationPorts = Pick<
  Ports,
  'applications' | 'savedApplications' | 'emailAllowances' | 'links' | 'linkTokens' | 'outbox' | 'clock' | 'log'
>;

export interface SaveRequest {
  /** The form's answers so far, as posted. */
  answers: Record<string, unknown>;
  /** The page's id for this save, so the same save sent twice saves and emails once. */
  saveRequest?: string;
  /** The link of the saved answers being carried on with, when the person came back through it. */
  savedToken?: string;
  nomination?: Nomination;
}

/**
 * What a save did: saved anew and a link emailed (`saved`, also for the same save sent twice), saved
 * again under the link the person came back through (`updated`), or nothing, for want of an address
 * to email the link to (`needs-email`, with what is wrong with the one given, if any).
 */
export type SaveResult =
  | { outcome: 'saved'; area: Area; email: string; expiresAt: string }
  | { outcome: 'updated'; area: Area; email: string; expiresAt: string }
  | { outcome: 'needs-email'; area: Area; problem: FieldError };

/**
 * "Save and come back later": the answers so far, checked only for size, kept under a new random link
 * emailed to the address given, never under the address itself (a stranger typing someone's address
 * only ever makes a new saved application, which they cannot open). The email counts against the
 * address's daily allowance, and is queued in the same write as the answers, to be sent from the
 * table's stream once stored. Coming back through the
 * link and saving again keeps the same link and renews it, with no new email. Each save (re)queues the
 * address's one reminder before applications close; saved again under another address, the reminder
 * follows it (the old address's is withdrawn), as the answers do. `area` is the area as the request
 * read it (the form's step reads it to refuse a closed one first, whatever was posted).
 */
export async function saveApplication(ports: SaveApplicationPorts, area: Area, request: SaveRequest): Promise<SaveResult> {
  const { areaId } = area;
  const now = ports.clock.now();
  refuseUnlessRecruiting(area, now);
  const answers = savedAnswersFrom(request.answers);
  const at = now.toISOString();
  const expiresAt = savedLinkExpiresAt(now);
  const given = savingAddress(answers);

  if (request.savedToken) {
    const opened = await openSavedApplication(ports, areaId, request.savedToken);
    if (!opened.problem) {
      const { saved } = opened;
      const email = 'email' in given ? given.email : saved.email;
      const again: SavedApplication = { ...saved, email, answers, savedAt: at, expiresAt };
      if (await ports.savedApplications.update(request.savedToken, again, savedApplicationDueAt(area, expiresAt))) {
        const url = savedApplicationUrl(ports, areaId, request.savedToken);
        // Withdrawn before the new one is queued: a failure in between leaves none, never one to the old address as well.
        if (applicantKey(saved.email) !== applicantKey(email)) await withdrawReminderOfOldAddress(ports, areaId, saved.email, url);
        await remindOfSavedApplication(ports, area, email, url, expiresAt);
        ports.log('INFO', 'application saved again', { areaId });
        return { outcome: 'updated', area, email, expiresAt };
      }
    }
    // A link that no longer opens (sent, expired, removed) saves as a new one.
  }
  if ('problem' in given) return { outcome: 'needs-email', area, problem: given.problem };

  const token = ports.linkTokens.newToken();
  const url = savedApplicationUrl(ports, areaId, token);
  const saveRequest = request.saveRequest && SAVE_REQUEST_PATTERN.test(request.saveRequest) ? request.saveRequest : ports.linkTokens.newToken();
  const saved: SavedApplication = { areaId, email: given.email, answers, savedAt: at, expiresAt, ...(request.nomination ? { nomination: request.nomination } : {}) };
  const email = savedApplicationEmails.saved(area, given.email, { url, expiresAt }, saveRequest);
  const allowance = emailAllowance(given.email, now);
  // The reminder goes in the same write, unless the address has applied already.
  const { reminder } = savedReminderOf(ports, area, given.email, url, expiresAt);
  const applied = await ports.applications.findByApplicant(areaId, given.email);
  const write = await ports.savedApplications.create(token, saved, { email, allowance, ...(applied ? {} : { reminder }) }, savedApplicationDueAt(area, expiresAt));
  if (write === 'limit-reached') throw new EmailLimitReachedError(allowance.limit);
  // The link's email and the reminder leave from the table's stream and the outbox once the transaction has stored them.
  ports.log('INFO', 'application saved', { areaId, repeated: write === 'repeated' });
  return { outcome: 'saved', area, email: given.email, expiresAt };
}
