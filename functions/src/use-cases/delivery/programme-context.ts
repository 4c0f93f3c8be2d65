import { groupAtWorkshop, type Ports, type ProgrammeContext } from '@pip/domain';

/** An area's programme as its stores hold it now, with who was in the group at each workshop and the step the workflow waits at. */
export type ProgrammeContextPorts = Pick<Ports, 'areas' | 'progress' | 'visits' | 'workshops' | 'selections' | 'applications' | 'staffSteps' | 'clock'>;

export async function programmeContext(
  ports: ProgrammeContextPorts,
  areaId: string,
): Promise<ProgrammeContext> {
  // One wave: every read is keyed by the area, so none waits for the area itself.
  const [area, progress, visit, workshops, selection, applications, attendance, waiting] = await Promise.all([
    ports.areas.existing(areaId),
    ports.progress.get(areaId),
    ports.visits.get(areaId),
    ports.workshops.schedule(areaId),
    ports.selections.get(areaId),
    ports.applications.listForArea(areaId),
    ports.workshops.attendance(areaId),
    ports.staffSteps.waiting(areaId),
  ]);
  const groups = Object.fromEntries(
    (workshops?.workshops ?? []).map((workshop) => [workshop.number, groupAtWorkshop(workshop, selection, attendance[workshop.number], applications)]),
  );
  return {
    area,
    progress,
    visit,
    workshops,
    waitingFor: waiting[0],
    groups,
    attendance,
    now: ports.clock.now(),
  };
}
