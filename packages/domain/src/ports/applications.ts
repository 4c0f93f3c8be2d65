import type { Application } from '../application';
import type { AreaSelection } from '../area-selection';
import type { RecruitmentWindow } from '../area';
import type { Review } from '../review';
import type { AuditEntry, StaffProfile } from '../staff';
import type { EmailAllowance } from '../public-emails';
import type { NewEmailedLink, OutboundEmail } from './messages';

/**
 * What an application's write did: it landed; another writer got there first (read again and
 * decide again); or the email it carries would pass the address's daily allowance; or the area's
 * recruitment window is no longer the one the application was accepted under (`ApplicationEmail.acceptedUnder`).
 */
export type ApplicationWrite = 'written' | 'lost-race' | 'limit-reached' | 'window-changed';

/** The email an application is written with, the link it carries if any, and the allowance it counts against if any. */
export interface ApplicationEmail {
  email: OutboundEmail;
  link?: NewEmailedLink;
  allowance?: EmailAllowance;
  /** The area timeline's entry of the form (an application received or changed), written with it. */
  audit?: AuditEntry;
  /**
   * The area's recruitment window as the request last read it (perhaps a minute ago): written only
   * while the area's stored window is still that one, else `window-changed` (read the area again).
   */
  acceptedUnder?: { areaId: string; recruitment: RecruitmentWindow };
}

export interface ApplicationStore {
  findByApplicant(areaId: string, email: string): Promise<Application | undefined>;
  /** The application of that reference in that area, read consistently. */
  findByReference(areaId: string, applicationId: string): Promise<Application | undefined>;
  /**
   * The application of that reference in that area for a page to show, in one read: as the reference
   * index holds it, which may trail a write by a moment (never decide on it; `findByReference` is for that).
   */
  findByReferenceToShow(areaId: string, applicationId: string): Promise<Application | undefined>;
  listForArea(areaId: string): Promise<Application[]>;
  /** Stores a new application with its email, link and count, all or none; `lost-race` if the applicant already has one. */
  create(application: Application, email: ApplicationEmail): Promise<ApplicationWrite>;
  /** Replaces the application if it is still at `expectedVersion`, with its email, link and count, all or none. */
  update(application: Application, expectedVersion: number, email: ApplicationEmail): Promise<ApplicationWrite>;
  /**
   * Moves the application to its corrected address (`application.answers.email`) from `previousEmail`,
   * if it is still at `expectedVersion`, with its timeline entry and the email sent again there (sent
   * as soon as it is stored), all or none: `address-taken` when another applicant of the area has that address.
   */
  moveToAddress(application: Application, previousEmail: string, expectedVersion: number, audit: AuditEntry, resent?: OutboundEmail): Promise<'written' | 'lost-race' | 'address-taken'>;
}

/** Staff reviews of applications: one per reviewer and application. */
export interface ReviewStore {
  /** Saves the review with its audit entry, in one write. */
  save(review: Review, audit: AuditEntry): Promise<void>;
  listForArea(areaId: string): Promise<Review[]>;
  /** The reviews of one application: what its page shows, without the area's other reviews. */
  listForApplication(areaId: string, applicationId: string): Promise<Review[]>;
}

/** The programme team, as they last signed in. */
export interface StaffStore {
  record(staff: StaffProfile): Promise<void>;
  list(): Promise<StaffProfile[]>;
}

/** The selection of an area, versioned: every write says which version it replaces. */
export interface SelectionStore {
  get(areaId: string): Promise<AreaSelection | undefined>;
  /** The selections of many areas in one read (the programme overview), by area; an area with none is absent. */
  getMany(areaIds: readonly string[]): Promise<Map<string, AreaSelection>>;
  /** Writes the selection with its audit entry if the stored one is still at `expectedVersion`; false otherwise. */
  write(next: AreaSelection, expectedVersion: number, audit: AuditEntry): Promise<boolean>;
}
