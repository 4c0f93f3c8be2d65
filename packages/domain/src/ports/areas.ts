import type { Area, RecruitmentWindow } from '../area';
import type { AreaProgress } from '../area-stages';
import type { AuditEntry } from '../staff';

export interface AreaStore {
  get(areaId: string): Promise<Area | undefined>;
  /** The area, or a NotFoundError. */
  existing(areaId: string): Promise<Area>;
  list(): Promise<Area[]>;
  listInRegion(regionId: string): Promise<Area[]>;
  /** Adds a new area with its audit entry; false if an area with its id exists. */
  add(area: Area, audit: AuditEntry): Promise<boolean>;
  /** Changes the area's recruitment window with its audit entry, only if it is still `expected`; false if someone changed it first. */
  changeWindow(areaId: string, expected: RecruitmentWindow, next: RecruitmentWindow, audit: AuditEntry): Promise<boolean>;
}

/** Where each area stands in its workflow, and how it got there. */
export interface AreaProgressStore {
  get(areaId: string): Promise<AreaProgress | undefined>;
  save(progress: AreaProgress): Promise<void>;
  /** Clears the failure recorded at `at`; false if it was already cleared (someone resumed it). */
  clearFailure(areaId: string, at: string): Promise<boolean>;
}

/** An append-only log of decisions per area. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  listForArea(areaId: string): Promise<AuditEntry[]>;
}
