/** The Cognito group (and its local counterpart) whose members may use the staff console. */
export const STAFF_GROUP = 'staff';

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

/** One decision in an area's audit log: who, when, what, before and after. Never edited. */
export interface AuditEntry {
  areaId: string;
  entryId: string;
  at: string;
  actor: Actor;
  action: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}
