import type {
  ActionPlan,
  ActionPlanStore,
  AreaVisit,
  LearningEvent,
  LearningEventStore,
  ProgressReview,
  ProgressReviewStore,
  StaffStep,
  StaffStepStore,
  VisitStore,
  WorkshopAttendance,
  WorkshopSchedule,
  WorkshopStore,
} from '@pip/domain';
import { OneRowEach, Rows, key } from './rows';

export class MemoryStaffSteps implements StaffStepStore {
  /** The task token each waiting step holds, by area and step. */
  readonly tokens = new Rows<{ token: string; waitingSince: string }>();
  /** Who did each step staff have done, by area and step. */
  readonly done = new Rows<{ by: string; at: string }>();

  async hold(areaId: string, step: StaffStep, token: string, at: string): Promise<void> {
    this.tokens.write(key(areaId, step), { token, waitingSince: at });
  }

  async take(areaId: string, step: StaffStep): Promise<string | undefined> {
    const held = this.tokens.get(key(areaId, step));
    this.tokens.delete(key(areaId, step));
    return held?.token;
  }

  async waiting(areaId: string): Promise<StaffStep[]> {
    return this.tokens.under(areaId).map(([step]) => step as StaffStep);
  }

  async isWaiting(areaId: string, step: StaffStep): Promise<boolean> {
    return this.tokens.has(key(areaId, step));
  }

  async markDone(areaId: string, step: StaffStep, by: string, at: string): Promise<void> {
    this.done.write(key(areaId, step), { by, at });
  }

  async isDone(areaId: string, step: StaffStep): Promise<boolean> {
    return this.done.has(key(areaId, step));
  }
}

export class MemoryWorkshops implements WorkshopStore {
  readonly schedules = new Rows<WorkshopSchedule>();
  /** By area and workshop number. */
  readonly attendances = new Rows<WorkshopAttendance>();

  async schedule(areaId: string): Promise<WorkshopSchedule | undefined> {
    return this.schedules.read(areaId);
  }

  async saveSchedule(schedule: WorkshopSchedule, expectedSequence: number): Promise<boolean> {
    if (expectedSequence < 0) return this.schedules.add(schedule.areaId, schedule);
    if (this.schedules.get(schedule.areaId)?.sequence !== expectedSequence) return false;
    this.schedules.write(schedule.areaId, schedule);
    return true;
  }

  async attendance(areaId: string): Promise<Record<number, WorkshopAttendance>> {
    return Object.fromEntries(this.attendances.listUnder(areaId).map((attendance) => [attendance.workshop, attendance]));
  }

  async saveAttendance(areaId: string, attendance: WorkshopAttendance): Promise<void> {
    this.attendances.write(key(areaId, attendance.workshop), attendance);
  }
}

export class MemoryVisits implements VisitStore {
  readonly byArea = new Rows<AreaVisit>();

  async get(areaId: string): Promise<AreaVisit | undefined> {
    return this.byArea.read(areaId);
  }

  async save(areaId: string, visit: AreaVisit): Promise<void> {
    this.byArea.write(areaId, visit);
  }
}

export class MemoryActionPlans extends OneRowEach<ActionPlan> implements ActionPlanStore {
  constructor() {
    super((plan) => plan.areaId);
  }
}

export class MemoryProgressReviews implements ProgressReviewStore {
  /** By area and occasion: recording an occasion again replaces its review. */
  readonly byOccasion = new Rows<ProgressReview>();

  async list(areaId: string): Promise<ProgressReview[]> {
    return this.byOccasion.listUnder(areaId);
  }

  async save(review: ProgressReview): Promise<void> {
    this.byOccasion.write(key(review.areaId, review.occasion), review);
  }
}

export class MemoryLearningEvents extends OneRowEach<LearningEvent> implements LearningEventStore {
  constructor() {
    super((event) => event.regionId);
  }
}
