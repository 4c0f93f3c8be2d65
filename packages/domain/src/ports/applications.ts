import type { Application } from '../application';
import type { AreaSelection } from '../area-selection';
import type { Review } from '../review';
import type { AuditEntry, StaffProfile } from '../staff';
import type { OutboundEmail } from './messages';

export interface ApplicationStore {
  findByApplicant(areaId: string, email: string): Promise<Application | undefined>;
  listForArea(areaId: string): Promise<Application[]>;
  /** Stores a new application and its email together; false if the applicant already has one. */
  create(application: Application, email: OutboundEmail): Promise<boolean>;
  /** Replaces the application if it is still at `expectedVersion`, with its email; false otherwise. */
  update(application: Application, expectedVersion: number, email: OutboundEmail): Promise<boolean>;
}

/** Staff reviews of applications: one per reviewer and application. */
export interface ReviewStore {
  /** Saves the review with its audit entry, in one write. */
  save(review: Review, audit: AuditEntry): Promise<void>;
  listForArea(areaId: string): Promise<Review[]>;
}

/** The programme team, as they last signed in. */
export interface StaffStore {
  record(staff: StaffProfile): Promise<void>;
  list(): Promise<StaffProfile[]>;
}

/** The selection of an area, versioned: every write says which version it replaces. */
export interface SelectionStore {
  get(areaId: string): Promise<AreaSelection | undefined>;
  /** Writes the selection with its audit entry if the stored one is still at `expectedVersion`; false otherwise. */
  write(next: AreaSelection, expectedVersion: number, audit: AuditEntry): Promise<boolean>;
}
