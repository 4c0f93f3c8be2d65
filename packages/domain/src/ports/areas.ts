import type { Area, RecruitmentWindow } from '../area';
import type { AreaProgress } from '../area-stages';
import type { AuditEntry, TimelineKind } from '../staff';
import type { TimelinePage, TimelineQuery } from '../timeline';

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
  /** The progress of many areas in one read (the programme overview), by area; an area with none is absent. */
  getMany(areaIds: readonly string[]): Promise<Map<string, AreaProgress>>;
  save(progress: AreaProgress): Promise<void>;
  /** Clears the failure recorded at `at`, with its audit entry in one write; false if it was already cleared (someone resumed it). */
  clearFailure(areaId: string, at: string, audit: AuditEntry): Promise<boolean>;
}

/** An append-only log per area: its timeline of decisions, forms, workflow steps, emails, retention actions and erasures. */
export interface AuditLog {
  /** Appends the entry; the same entry again (same instant and id: a retried step) is kept once. */
  record(entry: AuditEntry): Promise<void>;
  listForArea(areaId: string): Promise<AuditEntry[]>;
  /** One page of the area's timeline, newest first, of the kinds asked for, from the cursor's position. */
  page(areaId: string, query: TimelineQuery): Promise<TimelinePage>;
  /** Every entry of the kinds asked for, newest first, a page at a time, for the timeline's CSV. */
  pages(areaId: string, kinds?: readonly TimelineKind[]): AsyncIterable<AuditEntry[]>;
}
