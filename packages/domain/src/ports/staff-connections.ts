import type { AuditEntry } from '../staff';
import type { DeclaredConflict, StaffConnections } from '../staff-profile';

/** What each member of staff recorded on their profile: their organisation and the areas they are connected to. */
export interface StaffConnectionsStore {
  get(staffId: string): Promise<StaffConnections | undefined>;
  /** Every member of staff who has saved a profile. */
  list(): Promise<StaffConnections[]>;
  /** Writes the profile if the stored one is still at `expectedVersion` (0: none saved yet); false if it changed elsewhere first. */
  save(next: StaffConnections, expectedVersion: number): Promise<boolean>;
}

/** Conflicts of interest staff declared on single applications. */
export interface DeclaredConflictStore {
  listForArea(areaId: string): Promise<DeclaredConflict[]>;
  /** Records the declaration with its audit entry, all or none; false if this member of staff already declared one on that application. */
  declare(conflict: DeclaredConflict, audit: AuditEntry): Promise<boolean>;
}
