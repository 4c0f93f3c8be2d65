import { ConflictError, canRecordHeld, consultancyRules, sessionNumberOf, type Actor, type Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { consultancyState, type ConsultancyStatePorts } from './consultancy-state';
import { sendBookingLinks, type SendBookingLinksPorts } from './send-booking-links';

/**
 * Staff record that a consultancy session took place, with their notes on the action plan; after
 * session one, the leads are sent links to book session two. Recording it again changes nothing.
 */
export async function recordSessionHeld(
  ports: ConsultancyStatePorts & SendBookingLinksPorts & Pick<Ports, 'audit'>,
  areaId: string,
  sessionNamed: string,
  notes: string,
  actor: Actor,
): Promise<void> {
  const refused = new ConflictError('A session can be recorded as held once it has started', 'session');
  const session = sessionNumberOf(sessionNamed);
  if (!session) throw refused;
  const state = await consultancyState(ports, areaId, session);
  if (!canRecordHeld(state.bookedSlot, ports.clock.now())) throw refused;
  const kept = notes.trim().slice(0, consultancyRules.notesCharacters);
  if (!(await ports.consultancy.recordHeld(areaId, session, kept, ports.clock.now().toISOString()))) throw refused;
  await ports.audit.record(auditEntry(ports.clock, areaId, actor, 'Consultancy session held', `Session ${session} took place. Notes on the action plan: ${kept || 'none'}`));
  if (session === 1) await sendBookingLinks(ports, areaId, 2);
}
