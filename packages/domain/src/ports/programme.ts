import type { LearningEvent, StaffStep } from '../area-stages';
import type { ActionPlan, ProgressReview } from '../progress-review';
import type { AreaVisit, WorkshopAttendance, WorkshopSchedule } from '../workshop-schedule';

/**
 * The steps where an area's workflow waits for staff: the task token it waits on, and whether
 * staff have already done what it waits for.
 */
export interface StaffStepStore {
  hold(areaId: string, step: StaffStep, token: string, at: string): Promise<void>;
  /** Takes the token, once: a second caller gets nothing. */
  take(areaId: string, step: StaffStep): Promise<string | undefined>;
  waiting(areaId: string): Promise<StaffStep[]>;
  isWaiting(areaId: string, step: StaffStep): Promise<boolean>;
  markDone(areaId: string, step: StaffStep, by: string, at: string): Promise<void>;
  isDone(areaId: string, step: StaffStep): Promise<boolean>;
}

export interface WorkshopStore {
  schedule(areaId: string): Promise<WorkshopSchedule | undefined>;
  /** Writes the schedule only if nobody changed it since `expectedSequence` (-1: none yet). */
  saveSchedule(schedule: WorkshopSchedule, expectedSequence: number): Promise<boolean>;
  /** Who came to each workshop, by workshop number. */
  attendance(areaId: string): Promise<Record<number, WorkshopAttendance>>;
  saveAttendance(areaId: string, attendance: WorkshopAttendance): Promise<void>;
}

export interface VisitStore {
  get(areaId: string): Promise<AreaVisit | undefined>;
  save(areaId: string, visit: AreaVisit): Promise<void>;
}

export interface ActionPlanStore {
  get(areaId: string): Promise<ActionPlan | undefined>;
  save(plan: ActionPlan): Promise<void>;
}

export interface ProgressReviewStore {
  list(areaId: string): Promise<ProgressReview[]>;
  /** One review per occasion; recording it again replaces it. */
  save(review: ProgressReview): Promise<void>;
}

export interface LearningEventStore {
  get(regionId: string): Promise<LearningEvent | undefined>;
  save(event: LearningEvent): Promise<void>;
}
