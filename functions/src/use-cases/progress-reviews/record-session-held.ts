import { ConflictError, canRecordHeld, consultancyRules, sessionNumberOf, type Actor, type Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { consultancyState, type ConsultancyStatePorts } from './consultancy-state';

/**
 * Staff record that a consultancy session took place, with their notes on the action plan, its
 * timeline line and an announcement, in one write: from the table's stream, after session one, the
 * leads are sent their links to book session two. Recording it again changes nothing.
 */
export async function recordSessionHeld(
  ports: ConsultancyStatePorts & Pick<Ports, 'announcements'>,
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
  const entry = auditEntry(ports.clock, areaId, actor, 'Consultancy session held', `Session ${session} took place. Notes on the action plan: ${kept || 'none'}`);
  if (!(await ports.announcements.sessionHeld(areaId, session, kept, ports.clock.now().toISOString(), entry, { kind: 'session-held', areaId, session }))) throw refused;
}
