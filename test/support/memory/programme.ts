import type {
  ActionPlan,
  ActionPlanStore,
  AuditEntry,
  AreaVisit,
  FacilitatorWorkshop,
  LearningEvent,
  LearningEventStore,
  ProgressReview,
  ProgressReviewStore,
  RegionId,
  StaffStep,
  StaffStepRecord,
  StaffStepStore,
  VisitStore,
  WorkshopAttendance,
  WorkshopSchedule,
  WorkshopStore,
} from '@pip/domain';
import { facilitatorKey, facilitatorWorkshopsOf } from '@pip/domain';
import { MemoryAudit } from './areas';
import type { MemoryEvaluation } from './evaluation';
import { OneRowEach, Rows, key } from './rows';

export class MemoryStaffSteps implements StaffStepStore {
  /** The stores a step's record goes to, written with the step done as the table's transaction writes them. */
  constructor(private readonly records: { audit: MemoryAudit; actionPlans: MemoryActionPlans; evaluation: MemoryEvaluation }) {}

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

  async markDone(areaId: string, step: StaffStep, by: string, at: string): Promise<void> {
    this.done.write(key(areaId, step), { by, at });
  }

  async isDone(areaId: string, step: StaffStep): Promise<boolean> {
    return this.done.has(key(areaId, step));
  }

  async heldToken(areaId: string, step: StaffStep): Promise<string | undefined> {
    return this.tokens.get(key(areaId, step))?.token;
  }

  async recordDone(areaId: string, step: StaffStep, done: { by: string; at: string }, record: StaffStepRecord, heldToken: string): Promise<boolean> {
    if (this.done.has(key(areaId, step)) || this.tokens.get(key(areaId, step))?.token !== heldToken || this.records.audit.holds(record.audit)) return false;
    this.done.write(key(areaId, step), done);
    this.tokens.delete(key(areaId, step));
    await this.records.audit.record(record.audit);
    if (record.actionPlan) await this.records.actionPlans.save(record.actionPlan);
    if (record.evaluationClosedAt) await this.records.evaluation.close(areaId, record.evaluationClosedAt);
    return true;
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
    if (expectedSequence < 0) {
      if (!this.schedules.add(schedule.areaId, schedule)) return false;
    } else {
      if (this.schedules.get(schedule.areaId)?.sequence !== expectedSequence) return false;
      this.schedules.write(schedule.areaId, schedule);
    }
    // The area's workshops on their facilitators' calendars, in place of the previous schedule's.
    for (const [facilitator, entries] of this.calendars) this.calendars.set(facilitator, entries.filter((entry) => entry.areaId !== schedule.areaId));
    for (const entry of facilitatorWorkshopsOf(schedule)) {
      const facilitator = facilitatorKey(entry.facilitator);
      this.calendars.set(facilitator, [...(this.calendars.get(facilitator) ?? []).filter((held) => held.areaId !== entry.areaId || held.workshop !== entry.workshop), entry]);
    }
    return true;
  }

  /** Each facilitator's workshops, by facilitator key. */
  readonly calendars = new Map<string, FacilitatorWorkshop[]>();

  async facilitatorWorkshops(facilitator: string): Promise<FacilitatorWorkshop[]> {
    return this.calendars.get(facilitatorKey(facilitator)) ?? [];
  }

  async attendance(areaId: string): Promise<Record<number, WorkshopAttendance>> {
    return Object.fromEntries(this.attendances.listUnder(areaId).map((attendance) => [attendance.workshop, attendance]));
  }

  constructor(private readonly audit = new MemoryAudit()) {}

  async saveAttendance(areaId: string, attendance: WorkshopAttendance, audit: AuditEntry): Promise<void> {
    this.attendances.write(key(areaId, attendance.workshop), attendance);
    await this.audit.record(audit);
  }
}

export class MemoryVisits implements VisitStore {
  readonly byArea = new Rows<AreaVisit>();

  constructor(private readonly audit = new MemoryAudit()) {}

  async get(areaId: string): Promise<AreaVisit | undefined> {
    return this.byArea.read(areaId);
  }

  async save(areaId: string, visit: AreaVisit, audit: AuditEntry): Promise<void> {
    this.byArea.write(areaId, visit);
    await this.audit.record(audit);
  }
}

export class MemoryActionPlans extends OneRowEach<ActionPlan> implements ActionPlanStore {
  /** The region each plan is listed under in the library while an objective is shared, as the table's gsi1 keys. */
  readonly listedIn = new Map<string, RegionId>();

  constructor(private readonly audit = new MemoryAudit()) {
    super((plan) => plan.areaId);
  }

  override async save(plan: ActionPlan): Promise<void> {
    this.listedIn.delete(plan.areaId);
    await super.save(plan);
  }

  async saveSharing(plan: ActionPlan, expectedVersion: number, regionId: RegionId, audit: AuditEntry): Promise<boolean> {
    const stored = this.rows.get(plan.areaId);
    if (!stored || (stored.version ?? 0) !== expectedVersion || this.audit.holds(audit)) return false;
    this.rows.write(plan.areaId, plan);
    if (plan.objectives.some((objective) => objective.shared)) this.listedIn.set(plan.areaId, regionId);
    else this.listedIn.delete(plan.areaId);
    await this.audit.record(audit);
    return true;
  }

  async shared(regionId?: RegionId): Promise<{ plan: ActionPlan; regionId: RegionId }[]> {
    return [...this.listedIn]
      .filter(([, listed]) => !regionId || listed === regionId)
      .flatMap(([areaId, listed]) => {
        const plan = this.rows.read(areaId);
        return plan ? [{ plan, regionId: listed }] : [];
      });
  }
}

export class MemoryProgressReviews implements ProgressReviewStore {
  /** By area and occasion: recording an occasion again replaces its review. */
  readonly byOccasion = new Rows<ProgressReview>();

  constructor(private readonly audit = new MemoryAudit()) {}

  async list(areaId: string): Promise<ProgressReview[]> {
    return this.byOccasion.listUnder(areaId);
  }

  async save(review: ProgressReview, audit: AuditEntry): Promise<void> {
    this.byOccasion.write(key(review.areaId, review.occasion), review);
    await this.audit.record(audit);
  }
}

export class MemoryLearningEvents extends OneRowEach<LearningEvent> implements LearningEventStore {
  constructor() {
    super((event) => event.regionId);
  }
}
