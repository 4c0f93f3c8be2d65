import {
  facilitatorKey,
  type AuditEntry,
  type BookingOutcome,
  type ConsultancySlot,
  type ConsultancyStore,
  type FollowUpAnswer,
  type FollowUpReview,
  type FollowUpStore,
  type SessionBooking,
  type SessionNumber,
} from '@pip/domain';
import { MemoryAudit } from './areas';
import { Rows, key } from './rows';

/**
 * Slots and sessions, with the conditions of the table's transactions: a booking takes its slot
 * only while free and its session only as the booker saw it, a move frees the slot it leaves, and
 * a refused write changes nothing.
 */
export class MemoryConsultancy implements ConsultancyStore {
  /** By area and slot. */
  readonly slotsByArea = new Rows<ConsultancySlot>();
  /** Each facilitator's copy of their slots, by facilitator and slot; copies never show a booking. */
  readonly slotsByFacilitator = new Rows<ConsultancySlot>();
  /** Each facilitator's calendar version, which a new slot must build on. */
  readonly calendars = new Map<string, number>();
  /** By area and session number. */
  readonly sessionsByArea = new Rows<SessionBooking>();

  constructor(
    slots: readonly ConsultancySlot[] = [],
    private readonly audit = new MemoryAudit(),
  ) {
    for (const slot of slots) this.place(slot);
  }

  private place(slot: ConsultancySlot): void {
    const facilitator = facilitatorKey(slot.facilitator);
    this.calendars.set(facilitator, (this.calendars.get(facilitator) ?? 0) + 1);
    this.slotsByArea.write(key(slot.areaId, slot.slotId), slot);
    const { bookedFor: _booking, ...copy } = slot;
    this.slotsByFacilitator.write(key(facilitator, slot.slotId), copy);
  }

  async slots(areaId: string): Promise<ConsultancySlot[]> {
    return this.slotsByArea.listUnder(areaId).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  async facilitatorSlots(facilitator: string): Promise<{ slots: ConsultancySlot[]; version: number }> {
    const held = facilitatorKey(facilitator);
    return { slots: this.slotsByFacilitator.listUnder(held), version: this.calendars.get(held) ?? 0 };
  }

  async publish(slot: ConsultancySlot, expectedVersion: number, audit: AuditEntry): Promise<boolean> {
    if ((this.calendars.get(facilitatorKey(slot.facilitator)) ?? 0) !== expectedVersion || this.slotsByArea.has(key(slot.areaId, slot.slotId))) return false;
    this.place(slot);
    await this.audit.record(audit);
    return true;
  }

  async sessions(areaId: string): Promise<Partial<Record<SessionNumber, SessionBooking>>> {
    return Object.fromEntries(this.sessionsByArea.listUnder(areaId).map((booking) => [booking.session, booking]));
  }

  /** The slot a session holds, if it still holds it. */
  private slotHeldBy(booking: SessionBooking): ConsultancySlot | undefined {
    const slot = this.slotsByArea.get(key(booking.areaId, booking.slotId));
    return slot?.bookedFor === booking.session ? slot : undefined;
  }

  /** The session, if it is still as `seen`. */
  private isAsSeen(seen: SessionBooking): boolean {
    const current = this.sessionsByArea.get(key(seen.areaId, seen.session));
    return current?.sequence === seen.sequence && current.status === seen.status;
  }

  async book(session: SessionBooking, previous: SessionBooking | undefined, slotAsSeen?: Pick<ConsultancySlot, 'startsAt' | 'endsAt'>): Promise<BookingOutcome> {
    const slot = this.slotsByArea.get(key(session.areaId, session.slotId));
    if (!slot) return 'slot-gone';
    if (slot.bookedFor !== undefined) return 'slot-taken';
    if (slotAsSeen && (slot.startsAt !== slotAsSeen.startsAt || slot.endsAt !== slotAsSeen.endsAt)) return 'slot-changed';
    const moving = previous?.status === 'booked' ? previous : undefined;
    const sessionAsSeen = previous ? this.isAsSeen(previous) : !this.sessionsByArea.has(key(session.areaId, session.session));
    if (!sessionAsSeen || (moving && !this.slotHeldBy(moving))) return 'session-changed';
    if (moving) this.free(this.slotHeldBy(moving));
    slot.bookedFor = session.session;
    slot.version = (slot.version ?? 0) + 1;
    this.sessionsByArea.write(key(session.areaId, session.session), session);
    return 'booked';
  }

  async cancel(previous: SessionBooking): Promise<boolean> {
    const slot = this.slotHeldBy(previous);
    if (!slot || previous.status !== 'booked' || !this.isAsSeen(previous)) return false;
    this.free(slot);
    this.sessionsByArea.write(key(previous.areaId, previous.session), { ...previous, status: 'cancelled' });
    return true;
  }

  /** Frees a slot in place, raising its version as the table's update does. */
  private free(slot: ConsultancySlot | undefined): void {
    if (!slot) return;
    delete slot.bookedFor;
    slot.version = (slot.version ?? 0) + 1;
  }

  /** The slot, if it is still free and at the version staff saw. */
  private freeAsSeen(seen: ConsultancySlot): ConsultancySlot | undefined {
    const slot = this.slotsByArea.get(key(seen.areaId, seen.slotId));
    return slot && slot.bookedFor === undefined && (slot.version ?? 0) === (seen.version ?? 0) ? slot : undefined;
  }

  async changeSlotTime(next: ConsultancySlot, calendarVersion: number, audit: AuditEntry): Promise<'changed' | 'slot-changed' | 'calendar-changed'> {
    const facilitator = facilitatorKey(next.facilitator);
    const slot = this.freeAsSeen(next);
    if (!slot) return 'slot-changed';
    if ((this.calendars.get(facilitator) ?? 0) !== calendarVersion) return 'calendar-changed';
    this.calendars.set(facilitator, calendarVersion + 1);
    Object.assign(slot, { startsAt: next.startsAt, endsAt: next.endsAt, version: (slot.version ?? 0) + 1 });
    const copy = this.slotsByFacilitator.get(key(facilitator, next.slotId));
    if (copy) Object.assign(copy, { startsAt: next.startsAt, endsAt: next.endsAt });
    await this.audit.record(audit);
    return 'changed';
  }

  async removeSlot(seen: ConsultancySlot, audit: AuditEntry): Promise<boolean> {
    if (!this.freeAsSeen(seen)) return false;
    this.slotsByArea.delete(key(seen.areaId, seen.slotId));
    this.slotsByFacilitator.delete(key(facilitatorKey(seen.facilitator), seen.slotId));
    await this.audit.record(audit);
    return true;
  }

  async recordHeld(areaId: string, session: SessionNumber, notes: string, at: string): Promise<boolean> {
    const current = this.sessionsByArea.get(key(areaId, session));
    // Refusing a session already held is what makes recording it twice change nothing, as the table's condition does.
    if (current?.status !== 'booked' || current.heldAt !== undefined) return false;
    this.sessionsByArea.write(key(areaId, session), { ...current, heldAt: at, notes });
    return true;
  }
}

/** The follow-up review of each area: its dates proposed once and confirmed once, and one answer per participant. */
export class MemoryFollowUps implements FollowUpStore {
  readonly reviews = new Rows<FollowUpReview>();

  constructor(private readonly audit = new MemoryAudit()) {}
  /** By area and participant. */
  readonly answersByArea = new Rows<FollowUpAnswer>();

  async get(areaId: string): Promise<FollowUpReview | undefined> {
    return this.reviews.read(areaId);
  }

  async propose(review: FollowUpReview): Promise<boolean> {
    return this.reviews.add(review.areaId, review);
  }

  async confirm(areaId: string, optionId: string): Promise<boolean> {
    return this.reviews.setOnce(areaId, 'confirmedOptionId', optionId);
  }

  async answers(areaId: string): Promise<FollowUpAnswer[]> {
    return this.answersByArea.listUnder(areaId);
  }

  async answer(areaId: string, applicationId: string): Promise<FollowUpAnswer | undefined> {
    return this.answersByArea.read(key(areaId, applicationId));
  }

  async saveAnswer(areaId: string, answer: FollowUpAnswer, audit: AuditEntry): Promise<void> {
    this.answersByArea.write(key(areaId, answer.applicationId), answer);
    await this.audit.record(audit);
  }
}
