import type { Announcement, Announcements, AreaSelection, AuditEntry, BookingOutcome, ConsultancySlot, DecidedWith, EvaluationResponse, FollowUpReview, LearningEvent, Ports, ScheduledWith, SessionBooking, SessionNumber, WorkshopSchedule } from '@pip/domain';

/**
 * Decisions with their announcements, in memory: the decision is stored, then its announcement is
 * acted on at once, as the table's stream would act on it just after the write.
 */
export class MemoryAnnouncements implements Announcements {
  readonly made: Announcement[] = [];

  constructor(
    private readonly stores: Pick<Ports, 'selections' | 'learningEvents' | 'workshops' | 'consultancy' | 'followUps' | 'evaluation' | 'audit' | 'staffSteps' | 'visits'>,
    private readonly actOn: (announcement: Announcement) => Promise<void>,
  ) {}

  async selectionDecided(next: AreaSelection, expectedVersion: number, audit: AuditEntry, announcement: Announcement, also?: DecidedWith): Promise<boolean> {
    if (!(await this.stepAsRead(next.areaId, also))) return false;
    if (!(await this.stores.selections.write(next, expectedVersion, audit))) return false;
    await this.stepDone(next.areaId, also);
    await this.announce(announcement);
    return true;
  }

  /** The step as the table's transaction finds it: not done yet, and its token the one read (or still none). */
  private async stepAsRead(areaId: string, also: DecidedWith | undefined): Promise<boolean> {
    const step = also?.stepDone;
    return !step || (!(await this.stores.staffSteps.isDone(areaId, step.step)) && (await this.stores.staffSteps.heldToken(areaId, step.step)) === step.heldToken);
  }

  private async stepDone(areaId: string, also: DecidedWith | undefined): Promise<void> {
    const step = also?.stepDone;
    if (!step) return;
    await this.stores.staffSteps.markDone(areaId, step.step, step.by, step.at);
    await this.stores.staffSteps.take(areaId, step.step);
  }

  async workshopsScheduled(
    schedule: WorkshopSchedule,
    expectedSequence: number,
    calendarVersions: Readonly<Record<string, number>>,
    audit: AuditEntry,
    announcement: Announcement,
    also?: ScheduledWith,
  ): Promise<boolean> {
    if (!(await this.stepAsRead(schedule.areaId, also))) return false;
    if (also?.noVisitYet && (await this.stores.visits.get(schedule.areaId))) return false;
    if (!(await this.stores.workshops.saveSchedule(schedule, expectedSequence, calendarVersions))) return false;
    await this.stepDone(schedule.areaId, also);
    await this.stores.audit.record(audit);
    await this.announce(announcement);
    return true;
  }

  async sessionBooked(booking: SessionBooking, previous: SessionBooking | undefined, slotAsSeen: Pick<ConsultancySlot, 'startsAt' | 'endsAt'> | undefined, audit: AuditEntry, announcement: Announcement): Promise<BookingOutcome> {
    const outcome = await this.stores.consultancy.book(booking, previous, slotAsSeen);
    if (outcome !== 'booked') return outcome;
    await this.stores.audit.record(audit);
    await this.announce(announcement);
    return outcome;
  }

  async sessionCancelled(previous: SessionBooking, audit: AuditEntry, announcement: Announcement): Promise<boolean> {
    if (!(await this.stores.consultancy.cancel(previous))) return false;
    await this.stores.audit.record(audit);
    await this.announce(announcement);
    return true;
  }

  async sessionHeld(areaId: string, session: SessionNumber, notes: string, at: string, audit: AuditEntry, announcement: Announcement): Promise<boolean> {
    if (!(await this.stores.consultancy.recordHeld(areaId, session, notes, at))) return false;
    await this.stores.audit.record(audit);
    await this.announce(announcement);
    return true;
  }

  async followUpProposed(review: FollowUpReview, audit: AuditEntry, announcement: Announcement): Promise<boolean> {
    if (!(await this.stores.followUps.propose(review))) return false;
    await this.stores.audit.record(audit);
    await this.announce(announcement);
    return true;
  }

  async followUpConfirmed(areaId: string, optionId: string, audit: AuditEntry, announcement: Announcement): Promise<boolean> {
    if (!(await this.stores.followUps.confirm(areaId, optionId))) return false;
    await this.stores.audit.record(audit);
    await this.announce(announcement);
    return true;
  }

  async evaluationAnswered(response: EvaluationResponse, expectedVersion: number, audit: AuditEntry, announcement: Announcement): Promise<boolean> {
    if (!(await this.stores.evaluation.respond(response, expectedVersion))) return false;
    await this.stores.audit.record(audit);
    await this.announce(announcement);
    return true;
  }

  async learningEventScheduled(event: LearningEvent, announcement: Announcement): Promise<void> {
    await this.stores.learningEvents.save(event);
    await this.announce(announcement);
  }

  private async announce(announcement: Announcement): Promise<void> {
    this.made.push(announcement);
    await this.actOn(announcement);
  }
}
