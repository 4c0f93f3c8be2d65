/**
 * How long the platform keeps each kind of personal record, and why: the one retention schedule.
 * The privacy page is drawn from it and the platform enforces it (time to live where a record
 * simply expires, a daily pass for what must be removed or redacted in place), so the promise and
 * the practice cannot disagree.
 */
import { savedApplicationRules } from './saved-application';

/** The moment a period counts from. */
export type RetentionAnchor =
  | 'selection-approved'
  /** The selection's approval, or a participant's withdrawal if that came later. */
  | 'selection-approved-or-withdrawn'
  | 'workshops-ended'
  | 'follow-up-review'
  | 'sent'
  | 'link-expired'
  | 'recruitment-closed'
  /** A saved application's link stopping, or applications closing, whichever comes first. */
  | 'link-expired-or-recruitment-closed'
  | 'recorded';

/** What happens when the period ends. */
export type RetentionAction = 'removed' | 'redacted' | 'de-identified' | 'pseudonymised';

export type RetainedRecord =
  | 'unsuccessful-applications'
  | 'reserve-list'
  | 'participant-details'
  | 'evaluation-answers'
  | 'email-content'
  | 'emailed-links'
  | 'nominations-not-taken-up'
  | 'saved-applications'
  | 'unreachable-addresses';

export interface RetentionRule {
  record: RetainedRecord;
  /** What the record is, in the words of the privacy page. */
  what: string;
  anchor: RetentionAnchor;
  /** Whole UK calendar days after the anchor. */
  days: number;
  action: RetentionAction;
  /** What the action leaves, if anything. */
  leaves: string;
  /** Why this long, and no longer. */
  reason: string;
}

const MONTH_DAYS = 30;

export const retentionSchedule: readonly RetentionRule[] = [
  {
    record: 'unsuccessful-applications',
    what: 'applications that were not selected, and those of people who withdrew or declined a place',
    anchor: 'selection-approved-or-withdrawn',
    // Six months is the time limit for a claim about a service under the Equality Act 2010 (section 118),
    // counted from the decision; the seventh month lets a claim made on the last day reach us.
    days: 7 * MONTH_DAYS,
    action: 'pseudonymised',
    leaves: 'the application reference, sector and date, so that counts of applications stay true',
    reason:
      'a claim about a selection decision under the Equality Act 2010 can be brought for six months after it, and we must be able to explain the decision until then',
  },
  {
    record: 'reserve-list',
    what: 'the reserve list and reserves’ applications',
    anchor: 'workshops-ended',
    days: 0,
    action: 'pseudonymised',
    leaves: 'the application reference, sector and date',
    reason: 'a reserve can only be offered a place while the workshops run',
  },
  {
    record: 'participant-details',
    what: 'participants’ names, contact details, answers, attendance and bookings',
    anchor: 'follow-up-review',
    days: 12 * MONTH_DAYS,
    action: 'pseudonymised',
    leaves: 'the application reference, sector, attendance counts and bookings without names',
    reason: 'the programme evaluates what changed in an area for a year after its follow-up review',
  },
  {
    record: 'evaluation-answers',
    what: 'evaluation answers',
    anchor: 'follow-up-review',
    days: 12 * MONTH_DAYS,
    action: 'de-identified',
    leaves: 'the ratings, with no link to the person, for the programme’s published figures',
    reason: 'the programme reports its figures for its whole three years; a name adds nothing to them',
  },
  {
    record: 'email-content',
    what: 'the wording of emails we sent you, and the personal links in them',
    anchor: 'sent',
    days: 30,
    action: 'redacted',
    leaves: 'that an email was sent, when, and whether it was delivered',
    reason: 'long enough to send again an email that did not arrive: the email service reports one that did not within days',
  },
  {
    record: 'emailed-links',
    what: 'personal links (to see your application, book a session, answer the evaluation)',
    anchor: 'link-expired',
    days: 0,
    action: 'removed',
    leaves: 'nothing',
    reason: 'a link that no longer works has no use',
  },
  {
    record: 'nominations-not-taken-up',
    what: 'nominations by national bodies and partners that were not followed by an application',
    anchor: 'recruitment-closed',
    days: 1 * MONTH_DAYS,
    action: 'removed',
    leaves: 'nothing',
    reason: 'a nomination only matters while the person can still apply',
  },
  {
    record: 'saved-applications',
    what: 'answers saved with “Save and come back later” and never sent',
    anchor: 'link-expired-or-recruitment-closed',
    days: 0,
    action: 'removed',
    leaves: 'nothing',
    // Once applications close the answers can never be sent, so keeping them to the link's end serves nobody.
    reason: 'saved answers are only of use while you can still send them',
  },
  {
    record: 'unreachable-addresses',
    what: 'addresses our emails could not reach, and why',
    anchor: 'recorded',
    days: 12 * MONTH_DAYS,
    action: 'removed',
    leaves: 'nothing',
    reason: 'long enough for staff to correct an address during an area’s programme',
  },
];

/** What the platform keeps for the programme's life, and how a person's part of it is protected. */
export const keptForTheProgramme = {
  audit:
    'The record of decisions (who decided what, and when) is kept for the programme’s life; when a person’s information is removed, their name and address in it are replaced by a reference that identifies nobody.',
  backups: 'Backups of the platform’s data are kept for 35 days, then overwritten.',
} as const;

export function retentionRule(record: RetainedRecord): RetentionRule {
  const rule = retentionSchedule.find((candidate) => candidate.record === record);
  if (!rule) throw new Error(`No retention rule for ${record}`);
  return rule;
}

/** The moment a record governed by `rule` is due, counted in whole days from its anchor. */
export function retentionDueAt(rule: RetentionRule, anchoredAt: string): string {
  return new Date(new Date(anchoredAt).getTime() + rule.days * 24 * 60 * 60 * 1000).toISOString();
}

/** A period in words, for the privacy page: "6 months", "30 days". */
export function periodInWords(days: number): string {
  if (days % MONTH_DAYS === 0) {
    const months = days / MONTH_DAYS;
    return months === 1 ? '1 month' : `${months} months`;
  }
  return days === 1 ? '1 day' : `${days} days`;
}

const ANCHOR_WORDS: Record<RetentionAnchor, string> = {
  'selection-approved': 'after the selection for the area is approved',
  'selection-approved-or-withdrawn': 'after the selection for the area is approved (or after you withdrew, if that was later)',
  'workshops-ended': 'after the area’s last workshop',
  'follow-up-review': 'after the area’s follow-up review',
  sent: 'after the email is sent',
  'link-expired': 'after the link stops working',
  'recruitment-closed': 'after applications for the area close',
  'link-expired-or-recruitment-closed': `after your link stops working (${savedApplicationRules.linkDays} days after you last saved) or applications for the area close, whichever is sooner`,
  recorded: 'after we record it',
};

const AT_ANCHOR_WORDS: Record<RetentionAnchor, string> = {
  'selection-approved': 'when the selection for the area is approved',
  'selection-approved-or-withdrawn': 'when the selection for the area is approved (or when you withdrew, if that was later)',
  'workshops-ended': 'once the area’s last workshop is over',
  'follow-up-review': 'once the area’s follow-up review is over',
  sent: 'once the email is sent',
  'link-expired': 'once the link stops working',
  'recruitment-closed': 'when applications for the area close',
  'link-expired-or-recruitment-closed': `once your link stops working (${savedApplicationRules.linkDays} days after you last saved) or applications for the area close, whichever is sooner`,
  recorded: 'once we record it',
};

/** "6 months after the selection for the area is approved", "once the link stops working". */
export function whenInWords(rule: RetentionRule): string {
  return rule.days === 0 ? AT_ANCHOR_WORDS[rule.anchor] : `${periodInWords(rule.days)} ${ANCHOR_WORDS[rule.anchor]}`;
}
