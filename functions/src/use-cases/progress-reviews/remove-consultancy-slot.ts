import { ConflictError, formatUkTimeSpan, slotChangeRefusal, type Actor, type Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { changeableSlot } from './change-consultancy-slot';

/**
 * Staff remove a slot nobody booked, as their page showed it. A lead booking it at the same moment
 * either lands first (removal refused: cancel the session instead) or finds it gone.
 */
export async function removeConsultancySlot(ports: Pick<Ports, 'areas' | 'consultancy' | 'clock'>, areaId: string, slotId: string, version: string, actor: Actor): Promise<void> {
  const { slot } = await changeableSlot(ports, areaId, slotId, version, 'slot');
  const summary = `${slot.facilitator}, ${formatUkTimeSpan(slot.startsAt, slot.endsAt)}, which nobody had booked.`;
  if (!(await ports.consultancy.removeSlot(slot, auditEntry(ports.clock, areaId, actor, 'Consultancy slot removed', summary, slot, undefined)))) {
    const now = (await ports.consultancy.slots(areaId)).find((candidate) => candidate.slotId === slotId);
    throw new ConflictError(slotChangeRefusal(now) ?? 'This slot changed while you were looking at it. Check it below and try again.', 'slot');
  }
}
