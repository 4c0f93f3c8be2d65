import type { LearningEvent, StaffStep } from '../area-stages';
import type { ActionPlan, ProgressReview } from '../progress-review';
import type { AreaVisit, WorkshopAttendance, WorkshopSchedule } from '../workshop-schedule';
import type { FacilitatorWorkshop } from '../facilitator';
import type { RegionId } from '../regions';
import type { AuditEntry } from '../staff';

/**
 * The steps where an area's workflow waits for staff: the task token it waits on, and whether
 * staff have already done what it waits for.
 */
export interface StaffStepStore {
  hold(areaId: string, step: StaffStep, token: string, at: string): Promise<void>;
  /** Takes the token, once: a second caller gets nothing. */
  take(areaId: string, step: StaffStep): Promise<string | undefined>;
  waiting(areaId: string): Promise<StaffStep[]>;
  markDone(areaId: string, step: StaffStep, by: string, at: string): Promise<void>;
  isDone(areaId: string, step: StaffStep): Promise<boolean>;
  /** The token the workflow holds at this step while it waits there. */
  heldToken(areaId: string, step: StaffStep): Promise<string | undefined>;
  /**
   * Staff did the step: its done mark, what they recorded with it, and the token read (`heldToken`)
   * taken, in one write. False, with nothing written, when the step is done already or the token is
   * no longer the one held (a second post, another staff member first, the workflow waiting anew).
   */
  recordDone(areaId: string, step: StaffStep, done: { by: string; at: string }, record: StaffStepRecord, heldToken: string): Promise<boolean>;
}

/** What staff record as they do a programme step, written with the step done. */
export interface StaffStepRecord {
  audit: AuditEntry;
  /** The action plan, agreed at its step. */
  actionPlan?: ActionPlan;
  /** When the evaluation closed, at its step (only for an evaluation open until then). */
  evaluationClosedAt?: string;
}

export interface WorkshopStore {
  schedule(areaId: string): Promise<WorkshopSchedule | undefined>;
  /**
   * Writes the schedule only if nobody changed it since `expectedSequence` (-1: none yet) and each
   * facilitator's calendar in `calendarVersions` (by `facilitatorKey`) is still at the version read,
   * with each facilitator's entries for its workshops in place of the previous schedule's, in one
   * write that raises those calendars' versions; false when anything changed.
   */
  saveSchedule(schedule: WorkshopSchedule, expectedSequence: number, calendarVersions?: Readonly<Record<string, number>>): Promise<boolean>;
  /** The workshops a facilitator runs, in every area, from their calendar (names compared by `facilitatorKey`). */
  facilitatorWorkshops(facilitator: string): Promise<FacilitatorWorkshop[]>;
  /** Who came to each workshop, by workshop number. */
  attendance(areaId: string): Promise<Record<number, WorkshopAttendance>>;
  /** Who came, with its line on the area's timeline: one write, so neither stands without the other. */
  saveAttendance(areaId: string, attendance: WorkshopAttendance, audit: AuditEntry): Promise<void>;
}

export interface VisitStore {
  get(areaId: string): Promise<AreaVisit | undefined>;
  /** The visit with its line on the area's timeline: one write, so neither stands without the other. */
  save(areaId: string, visit: AreaVisit, audit: AuditEntry): Promise<void>;
}

export interface ActionPlanStore {
  get(areaId: string): Promise<ActionPlan | undefined>;
  save(plan: ActionPlan): Promise<void>;
  /**
   * Writes the plan's themes and sharing with its audit entry, in one transaction, only if its
   * version is still `expectedVersion` (0: never changed); false if someone changed it first.
   * While any objective is shared the plan is listed in the library under the area's region.
   */
  saveSharing(plan: ActionPlan, expectedVersion: number, regionId: RegionId, audit: AuditEntry): Promise<boolean>;
  /** The agreed plans with an objective shared, with their area's region: of one region, or of all. */
  shared(regionId?: RegionId): Promise<{ plan: ActionPlan; regionId: RegionId }[]>;
}

export interface ProgressReviewStore {
  list(areaId: string): Promise<ProgressReview[]>;
  /** One review per occasion, recording it again replaces it; with its line on the area's timeline, in one write. */
  save(review: ProgressReview, audit: AuditEntry): Promise<void>;
}

export interface LearningEventStore {
  get(regionId: string): Promise<LearningEvent | undefined>;
  save(event: LearningEvent): Promise<void>;
}
