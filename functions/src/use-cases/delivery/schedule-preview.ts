import { hasStarted, type Workshop, type WorkshopSchedule } from '@pip/domain';

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

/** The workshops still to come that the proposed schedule moves or changes from the one stored. */
export function changedWorkshops(before: WorkshopSchedule | undefined, proposed: readonly Workshop[], now: Date): Workshop[] {
  const stored = (workshop: Workshop) => before?.workshops.find((old) => old.number === workshop.number);
  return proposed.filter((workshop) => !hasStarted(workshop, now) && !sameWorkshop(stored(workshop), workshop));
}
