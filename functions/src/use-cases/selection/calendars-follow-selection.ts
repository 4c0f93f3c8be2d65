import type { Ports } from '@pip/domain';
import { invitationsFollowSelection, type WorkshopCalendarPorts } from '../delivery/workshop-invitations';
import { reconcileFollowUpCalendars, type FollowUpCalendarPorts } from '../progress-reviews/follow-up-calendars';
import { consultancyStates } from '../progress-reviews/consultancy-state';
import { reconcileSessionCalendars, type SessionCalendarPorts } from '../progress-reviews/session-calendars';

export type CalendarFollowPorts = WorkshopCalendarPorts & SessionCalendarPorts & FollowUpCalendarPorts & Pick<Ports, 'consultancy'>;

/**
 * After any change of who is in the group or who leads it, every calendar follows: the workshops
 * for the group (a reserve who joins is briefed too), the booked consultancy sessions for the two
 * leads as they now are, the confirmed follow-up review for the group.
 */
export async function calendarsFollowSelection(ports: CalendarFollowPorts, areaId: string, change: { joined?: string } = {}): Promise<void> {
  await invitationsFollowSelection(ports, areaId, change);
  for (const state of await consultancyStates(ports, areaId)) await reconcileSessionCalendars(ports, state, 'The programme team');
  await reconcileFollowUpCalendars(ports, areaId);
}
