import { ConflictError, ValidationError, hasStarted, heldWorkshopChanges, type Ports, type ProposedSchedule, type Workshop } from '@pip/domain';
import { workshopFacilitatorClashes } from './facilitator-calendars';
import { scheduleUpdateRecipients } from './workshop-invitations';

/** What saving a new schedule would send, for the page that asks staff to confirm it. */
export interface ScheduleUpdatePreview {
  /** The participants who would get calendar updates, by name; none before invitations have gone out. */
  recipients: string[];
  /** The workshops still to come that the new schedule moves or changes, as they would be. */
  changed: Workshop[];
}

const sameWorkshop = (a: Workshop | undefined, b: Workshop) =>
  a !== undefined &&
  a.startsAt === b.startsAt &&
  a.endsAt === b.endsAt &&
  a.venue.name === b.venue.name &&
  a.venue.host === b.venue.host &&
  a.facilitators.join('|') === b.facilitators.join('|');

/**
 * Who a new schedule would email and what it changes, refused for the same reasons saving it would
 * be (a workshop that has taken place changed, someone else's schedule saved since, a facilitator
 * booked elsewhere that day), so staff are
 * not asked to confirm what cannot be done.
 */
export async function scheduleUpdatePreview(
  ports: Pick<Ports, 'workshops' | 'progress' | 'selections' | 'applications' | 'clock' | 'areas' | 'consultancy'>,
  areaId: string,
  proposed: ProposedSchedule,
  expectedSequence: number,
): Promise<ScheduleUpdatePreview> {
  const before = await ports.workshops.schedule(areaId);
  const now = ports.clock.now();
  const [changesToHistory] = heldWorkshopChanges(before, proposed.workshops, now);
  if (changesToHistory) throw new ConflictError(changesToHistory.message, changesToHistory.field);
  if ((before?.sequence ?? -1) !== expectedSequence) {
    throw new ConflictError('Someone else changed the schedule while you were editing it. Nothing you sent was saved; check it and try again.', 'workshops');
  }
  const clashes = await workshopFacilitatorClashes(ports, areaId, proposed.workshops);
  if (clashes.length > 0) throw new ValidationError(clashes);
  const recipients = await scheduleUpdateRecipients(ports, areaId);
  const stored = (workshop: Workshop) => before?.workshops.find((old) => old.number === workshop.number);
  const changed = proposed.workshops.filter((workshop) => !hasStarted(workshop, now) && !sameWorkshop(stored(workshop), workshop));
  return { recipients: recipients.map((participant) => participant.answers.fullName), changed };
}
