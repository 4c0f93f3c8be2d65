import type { Ports, ProgrammeContext } from '@pip/domain';
import { selectedParticipants } from '../shared/participants';

/** An area's programme as its stores hold it now, with its selected participants by name and the step the workflow waits at. */
export async function programmeContext(
  ports: Pick<Ports, 'areas' | 'progress' | 'visits' | 'workshops' | 'selections' | 'applications' | 'staffSteps' | 'clock'>,
  areaId: string,
): Promise<ProgrammeContext> {
  const area = await ports.areas.existing(areaId);
  const [progress, visit, workshops, participants, attendance, waiting] = await Promise.all([
    ports.progress.get(areaId),
    ports.visits.get(areaId),
    ports.workshops.schedule(areaId),
    selectedParticipants(ports, areaId),
    ports.workshops.attendance(areaId),
    ports.staffSteps.waiting(areaId),
  ]);
  return {
    area,
    progress,
    visit,
    workshops,
    waitingFor: waiting[0],
    participants: participants.map((participant) => ({ applicationId: participant.applicationId, name: participant.answers.fullName })),
    attendance,
    now: ports.clock.now(),
  };
}
