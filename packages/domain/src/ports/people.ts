import type { Application } from '../application';
import type { Area } from '../area';
import type { MembershipChange } from '../area-selection';
import type { FollowUpAnswer, SessionBooking } from '../consultancy';
import type { EvaluationResponse } from '../evaluation';
import type { PartnerNomination } from '../partner';
import type { ReminderRound } from '../reminders';
import type { Review } from '../review';
import type { SavedApplication } from '../saved-application';
import type { Outcome } from '../selection';
import type { Actor, AuditEntry } from '../staff';
import type { EmailTemplate } from './messages';
import type { WorkshopAttendance } from '../workshop-schedule';
import type { PersonCalendar } from './calendars';
import type { UnreachableAddress } from './email-tracking';
import type { EmailStatus, LinkPurpose } from './messages';

/** What an erasure or a retention action changed, kind by kind: the timeline records these counts, never the content. */
export type RemovalCounts = Readonly<Record<string, number>>;

/** Where a person stands in an area's selection, from the selection item: their outcome and every change of their place. */
export interface HeldSelection {
  status: 'draft' | 'approved';
  selected: boolean;
  lead: boolean;
  outcome?: Outcome;
  offered: boolean;
  withdrawn: boolean;
  declined: boolean;
  membership: MembershipChange[];
}

/** One workshop's attendance as it concerns the person: whether they were in the group then, and whether they came. */
export interface HeldAttendance extends Pick<WorkshopAttendance, 'workshop' | 'recordedAt' | 'recordedBy'> {
  member: boolean;
  present: boolean;
}

/** Everything held about one application of the person, in its area. */
export interface HeldApplication {
  area: Pick<Area, 'areaId' | 'name'>;
  application: Application;
  /** The name an erasure would give them in this area's records. */
  pseudonym: string;
  reviews: Review[];
  selection?: HeldSelection;
  /** The consultancy sessions of the area, when they are (or were) one of its two leads. */
  bookings: SessionBooking[];
  attendance: HeldAttendance[];
  followUp?: FollowUpAnswer;
  evaluation?: EvaluationResponse;
  /** What their calendar was last sent. */
  calendar?: PersonCalendar;
  /** The rounds of reminders that named them. */
  reminders: ReminderRound[];
  /** The area's audit entries about them, newest first. */
  audit: AuditEntry[];
}

/** An email sent to the person or about them: what it was, never a live personal link. */
export interface HeldEmail {
  messageId: string;
  areaId?: string;
  to: string;
  subject: string;
  /** The wording, with every personal link in it replaced by a note that one was there. */
  text: string;
  status: EmailStatus;
  createdAt: string;
  sentAt?: string;
  outcome?: { detail: string; at: string };
  /**
   * While the email waits as its template (no wording yet): what it is worded from, read only to word
   * its subject for the record, never shown itself (its facts carry the personal link).
   */
  template?: EmailTemplate;
}

/** A personal link emailed to the person: what it was for and until when, never its token. */
export interface HeldLink {
  purpose: LinkPurpose;
  areaId: string;
  applicationId?: string;
  expiresAt: string;
}

/** Everything the platform holds about one email address (and the addresses it was corrected from). */
export interface PersonRecord {
  /** The address asked about, as typed. */
  email: string;
  /** That address and any it was corrected from, lower-cased. */
  addresses: string[];
  applications: HeldApplication[];
  emails: HeldEmail[];
  links: HeldLink[];
  nominations: PartnerNomination[];
  unreachable: UnreachableAddress[];
  /** Answers they saved and never sent, by area (never the link's token). Absent where a store keeps none. */
  savedApplications?: SavedApplication[];
}

/** What an erasure did in one area: the application's pseudonym (or a nominee's) and the counts, for the area's timeline. */
export interface AreaErasure {
  areaId: string;
  /** The application pseudonymised, if the person applied to the area. */
  applicationId?: string;
  pseudonym: string;
  counts: RemovalCounts;
}

/** What erasing a person did: per area, and what belonged to no area (an address's delivery problems, its daily counts). */
export interface PersonErasure {
  areas: AreaErasure[];
  elsewhere: RemovalCounts;
}

/**
 * Everything the platform holds about people, across the stores: a person's export, their erasure
 * on request, and the retention schedule's removals all go through here.
 */
export interface PersonRecords {
  /** Everything held about the person of that address, in every area; nothing found is an empty record, not an error. */
  gather(email: string): Promise<PersonRecord>;
  /**
   * Replaces the person of one application by a pseudonym everywhere: the application kept under a
   * key that names nobody (reference, sector, dates and what the figures need), their name and
   * addresses gone from every record that mentions them, emails to or about them emptied (status
   * kept, pending ones cancelled), their links removed. Idempotent: a second call changes nothing.
   */
  pseudonymiseApplication(areaId: string, applicationId: string, by: Actor, at: string): Promise<RemovalCounts>;
  /**
   * Erases the person of that address on request: each of their applications pseudonymised, then
   * what has no application (a nomination never taken up, an address's delivery problems, emails
   * about them). Idempotent: a second call finds nothing and changes nothing.
   */
  erasePerson(email: string, by: Actor, at: string): Promise<PersonErasure>;
}
