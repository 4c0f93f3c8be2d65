import { ConflictError, ValidationError, sessionNumberOf, type Actor, type ConsultancySessionState } from '@pip/domain';
import { assertCancellable, cancelConsultancySession } from './cancel-consultancy-session';
import { consultancyState, type ConsultancyStatePorts } from './consultancy-state';

/**
 * The session staff asked to cancel, as it stands, if it still is the booking their page showed
 * (`sequence`, as posted) and it may still be cancelled: what the confirmation page describes.
 */
export async function sessionToCancel(ports: ConsultancyStatePorts, areaId: string, sessionNamed: string, sequence: string): Promise<ConsultancySessionState> {
  const session = sessionNumberOf(sessionNamed);
  if (!session) throw ValidationError.of('session', 'Choose the session to cancel');
  const state = await consultancyState(ports, areaId, session);
  assertCancellable(state, 'staff');
  if (String(state.booking?.sequence) !== sequence) throw new ConflictError('The booking changed while you were looking at it, perhaps moved by a lead. Check it and try again.', 'session');
  return state;
}

/** Staff cancel a booked session for the leads, until it starts; everyone booked is told, and the leads can book again. */
export async function cancelSessionForLeads(
  ports: ConsultancyStatePorts & Parameters<typeof cancelConsultancySession>[0],
  areaId: string,
  sessionNamed: string,
  sequence: string,
  actor: Actor,
): Promise<void> {
  const state = await sessionToCancel(ports, areaId, sessionNamed, sequence);
  await cancelConsultancySession(ports, state, { by: 'staff', actor });
}
