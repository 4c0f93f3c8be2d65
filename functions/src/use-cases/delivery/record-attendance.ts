import { ValidationError, hasStarted, type Actor, type Ports, type WorkshopAttendance } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { selectedParticipants } from '../shared/participants';

/**
 * Staff record who came to a workshop that has started. Only the area's selected participants
 * count; recording it again replaces what was recorded.
 */
export async function recordAttendance(
  ports: Pick<Ports, 'workshops' | 'selections' | 'applications' | 'audit' | 'clock'>,
  areaId: string,
  actor: Actor,
  answers: { workshop: string; present: readonly string[] },
): Promise<WorkshopAttendance> {
  const [schedule, participants] = await Promise.all([ports.workshops.schedule(areaId), selectedParticipants(ports, areaId)]);
  const now = ports.clock.now();
  const workshop = schedule?.workshops.find((candidate) => String(candidate.number) === answers.workshop);
  if (!workshop || !hasStarted(workshop, now)) throw ValidationError.of('workshop', 'Attendance can only be recorded for a workshop that has started');
  const known = new Set(participants.map((participant) => participant.applicationId));
  const present = answers.present.filter((id) => known.has(id));
  const attendance: WorkshopAttendance = { workshop: workshop.number, present, recordedBy: actor.name, recordedAt: now.toISOString() };
  await ports.workshops.saveAttendance(areaId, attendance);
  const names = participants.filter((participant) => present.includes(participant.applicationId)).map((participant) => participant.answers.fullName);
  await ports.audit.record(
    auditEntry(ports.clock, areaId, actor, 'Attendance recorded', `Workshop ${workshop.number}: ${present.length} of ${participants.length} attended${names.length ? ` (${names.join(', ')})` : ''}.`),
  );
  return attendance;
}
