/** The Cognito group (and its local counterpart) whose members may use the staff console. */
export const STAFF_GROUP = 'staff';

/**
 * The Cognito group (and its local counterpart) of the programme's reference group: chief executives
 * of the national bodies and senior officers from earlier areas, who read published reports and shared
 * plans and nothing else.
 */
export const REFERENCE_GROUP = 'reference-group';

/** A member of the programme team, as their sign-in token describes them. */
export interface StaffProfile {
  staffId: string;
  name: string;
  email: string;
}

/** Who did something recorded in the audit log: a staff member, or a person through their emailed link. */
export interface Actor {
  staffId?: string;
  name: string;
}

/**
 * What an entry of an area's timeline records: a staff decision; a form someone sent; a step of the
 * area's workflow; an email and what became of it; a retention action (always a count, never the
 * removed content); an erasure on request.
 */
export type TimelineKind = 'decision' | 'form' | 'workflow' | 'email' | 'retention' | 'erasure';

/**
 * One entry of an area's timeline (its audit log): who, when, what, before and after. Appended,
 * never edited, except that erasing a person replaces their name and address in it by a pseudonym.
 */
export interface AuditEntry {
  areaId: string;
  entryId: string;
  at: string;
  actor: Actor;
  action: string;
  summary: string;
  before?: unknown;
  after?: unknown;
  /** A decision unless it says otherwise (entries written before kinds existed are decisions). */
  kind?: TimelineKind;
  /** The application references of the people the entry is about, so that a person's entries are found without reading prose. */
  subjects?: readonly string[];
}
