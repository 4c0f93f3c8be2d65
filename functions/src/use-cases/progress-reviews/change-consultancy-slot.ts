import {
  ConflictError,
  LOST_RACE,
  NotFoundError,
  ValidationError,
  facilitatorKey,
  formatUkTimeSpan,
  slotAtNewTime,
  slotChangeRefusal,
  slotProblems,
  takeTurns,
  type Actor,
  type Area,
  type ConsultancySlot,
  type Ports,
} from '@pip/domain';
import { wordedWithAreaNames } from '../delivery/facilitator-calendars';
import { auditEntry } from '../shared/audit-entry';

type SlotPorts = Pick<Ports, 'areas' | 'consultancy' | 'clock'>;
/** A new time is checked against the facilitator's workshops too. */
type SlotTimePorts = SlotPorts & Pick<Ports, 'workshops'>;

/** A slot of the area as staff see it now, with the area; not found if it is not one of the area's slots. */
export async function consultancySlot(ports: SlotPorts, areaId: string, slotId: string): Promise<{ area: Area; slot: ConsultancySlot }> {
  const [area, slots] = await Promise.all([ports.areas.existing(areaId), ports.consultancy.slots(areaId)]);
  const slot = slots.find((candidate) => candidate.slotId === slotId);
  if (!slot) throw new NotFoundError('Slot');
  return { area, slot };
}

/**
 * The slot as staff may still change it: free, and at the version their page showed (`version`, as
 * posted). A booked slot is refused with what to do instead.
 */
export async function changeableSlot(ports: SlotPorts, areaId: string, slotId: string, version: string, field: string): Promise<{ area: Area; slot: ConsultancySlot }> {
  const found = await consultancySlot(ports, areaId, slotId);
  const refusal = slotChangeRefusal(found.slot);
  if (refusal) throw new ConflictError(refusal, field);
  if (String(found.slot.version ?? 0) !== version) throw new ConflictError('This slot changed while you were looking at it. Check it below and try again.', field);
  return found;
}

export interface SlotTimeForm {
  date: string;
  start: string;
  end: string;
  version: string;
  /** The facilitator the page showed: their calendar is read beside the slot, and again only if the slot's is another's. */
  facilitator?: string;
}

/** A facilitator's calendar: their slots in every area (with its version) and their workshops. */
const calendarOf = (ports: SlotTimePorts, facilitator: string) => Promise.all([ports.consultancy.facilitatorSlots(facilitator), ports.workshops.facilitatorWorkshops(facilitator)]);

const when = (slot: ConsultancySlot) => formatUkTimeSpan(slot.startsAt, slot.endsAt);

/**
 * The slot at its new time, checked as a new slot is (readable, in the future, no clash for its
 * facilitator in any area but with itself, no workshop of theirs that day), before staff confirm it; nothing is written.
 */
export async function plannedSlotTime(ports: SlotTimePorts, areaId: string, slotId: string, form: SlotTimeForm): Promise<{ area: Area; slot: ConsultancySlot; next: ConsultancySlot; calendarVersion: number }> {
  // Only a name that could be a facilitator's is read by (a key DynamoDB takes); anything else is not used.
  const shown = form.facilitator?.trim() && form.facilitator.length <= 200 ? form.facilitator : undefined;
  const [{ area, slot }, shownCalendar] = await Promise.all([changeableSlot(ports, areaId, slotId, form.version, 'date'), shown ? calendarOf(ports, shown) : undefined]);
  const next = slotAtNewTime(slot, form);
  const [held, workshops] = shownCalendar && facilitatorKey(shown!) === facilitatorKey(slot.facilitator) ? shownCalendar : await calendarOf(ports, slot.facilitator);
  const others = held.slots.filter((other) => other.slotId !== slot.slotId);
  const problems = await wordedWithAreaNames(ports, [{ slots: [], workshops }], (areaNames) => slotProblems(next, others, ports.clock.now(), workshops, areaNames));
  if (problems.length > 0) throw new ValidationError(problems);
  return { area, slot, next, calendarVersion: held.version };
}

/**
 * Staff give a free slot a new time. A lead booking it at the same moment either lands first (and
 * this is refused: the slot is booked) or finds the slot changed and is told to choose again.
 */
export async function changeConsultancySlotTime(ports: SlotTimePorts, areaId: string, slotId: string, form: SlotTimeForm, actor: Actor): Promise<ConsultancySlot> {
  return takeTurns(
    async () => {
      const { slot, next, calendarVersion } = await plannedSlotTime(ports, areaId, slotId, form);
      const entry = auditEntry(ports.clock, areaId, actor, 'Consultancy slot moved', `${slot.facilitator}: from ${when(slot)} to ${when(next)}.`, slot, next);
      const outcome = await ports.consultancy.changeSlotTime(next, calendarVersion, entry);
      if (outcome === 'calendar-changed') return LOST_RACE;
      if (outcome === 'slot-changed') {
        const now = await consultancySlot(ports, areaId, slotId);
        throw new ConflictError(slotChangeRefusal(now.slot) ?? 'This slot changed while you were looking at it. Check it below and try again.', 'date');
      }
      return next;
    },
    () => ValidationError.of('start', 'The facilitator’s calendar kept changing; try again'),
  );
}
