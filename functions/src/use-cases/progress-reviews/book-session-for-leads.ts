import { ConflictError, ValidationError, sessionNumberOf, type Actor } from '@pip/domain';
import { bookingRefusal, tryBooking, type BookingPorts } from './book-consultancy-session';
import { consultancyState, type ConsultancyStatePorts } from './consultancy-state';

/** Staff book a session on the leads' behalf, from the staff page: as leads do, but into the session as it stands now. */
export async function bookSessionForLeads(ports: ConsultancyStatePorts & BookingPorts, areaId: string, sessionNamed: string, slotId: string, staff: Actor): Promise<void> {
  const session = sessionNumberOf(sessionNamed);
  if (!session || !slotId) throw ValidationError.of('session', 'Choose a time to book');
  const state = await consultancyState(ports, areaId, session);
  const outcome = await tryBooking(ports, state, slotId, `${staff.name} (programme team)`, undefined);
  if (outcome === 'session-past' || outcome === 'slot-gone' || outcome === 'slot-changed') throw new ConflictError(bookingRefusal(outcome, state), 'session');
  if (outcome !== 'booked') throw new ConflictError('That time was just taken, or the session changed. Check the page and try again.', 'session');
}
