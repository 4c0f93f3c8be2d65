import type { Ports, WorkshopSchedule } from '@pip/domain';

/** The area's workshop schedule, which every step after preparation needs; its absence is a failure staff must fix. */
export async function scheduledWorkshops(ports: Pick<Ports, 'workshops'>, areaId: string): Promise<WorkshopSchedule> {
  const schedule = await ports.workshops.schedule(areaId);
  if (!schedule) throw new Error(`The workshops of ${areaId} are not scheduled`);
  return schedule;
}
