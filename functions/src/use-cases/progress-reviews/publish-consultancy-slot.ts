import { randomUUID } from 'node:crypto';
import { LOST_RACE, ValidationError, slotFromForm, slotProblems, takeTurns, type Actor, type ConsultancySlot, type Ports, type SlotForm, formatUkTimeSpan } from '@pip/domain';
import { wordedWithAreaNames } from '../delivery/facilitator-calendars';
import { auditEntry } from '../shared/audit-entry';

/**
 * Publishes a slot for the area's leads to book, unless its facilitator already holds one that
 * overlaps, in any area, or runs a workshop that UK day. Two slots published for one facilitator at once take turns on their calendar.
 */
export async function publishConsultancySlot(
  ports: Pick<Ports, 'areas' | 'consultancy' | 'workshops' | 'clock'>,
  areaId: string,
  form: SlotForm,
  actor: Actor,
): Promise<ConsultancySlot> {
  const slot = slotFromForm(areaId, randomUUID(), form);
  // The area is read beside the facilitator's calendar, the first time: only to refuse an area that is not there.
  let areaRead: Promise<unknown> | undefined = ports.areas.existing(areaId);
  return takeTurns(
    async () => {
      const [held, workshops] = await Promise.all([ports.consultancy.facilitatorSlots(slot.facilitator), ports.workshops.facilitatorWorkshops(slot.facilitator), areaRead]);
      areaRead = undefined;
      const problems = await wordedWithAreaNames(ports, [{ slots: [], workshops }], (areaNames) => slotProblems(slot, held.slots, ports.clock.now(), workshops, areaNames));
      if (problems.length > 0) throw new ValidationError(problems);
      const where = slot.mode === 'online' ? 'online' : slot.where;
      const entry = auditEntry(ports.clock, areaId, actor, 'Consultancy slot published', `${slot.facilitator}, ${formatUkTimeSpan(slot.startsAt, slot.endsAt)}, ${where}.`, undefined, slot);
      return (await ports.consultancy.publish(slot, held.version, entry)) ? slot : LOST_RACE;
    },
    () => ValidationError.of('start', 'The facilitator’s calendar kept changing; try again'),
  );
}
