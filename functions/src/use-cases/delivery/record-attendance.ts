import { ValidationError, groupAtWorkshop, hasStarted, type Actor, type Ports, type WorkshopAttendance } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

/**
 * Staff record who came to a workshop that has started, out of those who were in the group on its
 * date (fixed the first time, so a later withdrawal or a reserve joining never rewrites it).
 * Recording it again replaces who came.
 */
export async function recordAttendance(
  ports: Pick<Ports, 'workshops' | 'selections' | 'applications' | 'clock'>,
  areaId: string,
  actor: Actor,
  answers: { workshop: string; present: readonly string[] },
): Promise<WorkshopAttendance> {
  const [schedule, selection, applications, recorded] = await Promise.all([
    ports.workshops.schedule(areaId),
    ports.selections.get(areaId),
    ports.applications.listForArea(areaId),
    ports.workshops.attendance(areaId),
  ]);
  const now = ports.clock.now();
  const workshop = schedule?.workshops.find((candidate) => String(candidate.number) === answers.workshop);
  if (!workshop || !hasStarted(workshop, now)) throw ValidationError.of('workshop', 'Attendance can only be recorded for a workshop that has started');
  const group = groupAtWorkshop(workshop, selection, recorded[workshop.number], applications);
  const came = group.filter((member) => answers.present.includes(member.applicationId));
  const attendance: WorkshopAttendance = {
    workshop: workshop.number,
    members: group.map((member) => member.applicationId),
    present: came.map((member) => member.applicationId),
    recordedBy: actor.name,
    recordedAt: now.toISOString(),
  };
  const names = came.length ? ` (${came.map((member) => member.name).join(', ')})` : '';
  await ports.workshops.saveAttendance(areaId, attendance, auditEntry(ports.clock, areaId, actor, 'Attendance recorded', `Workshop ${workshop.number}: ${came.length} of ${group.length} attended${names}.`));
  return attendance;
}
