import type { Actor, Ports } from '@pip/domain';
import { completeStaffStep, type StaffStepPorts } from '../shared/staff-steps';

export type PreparationPorts = StaffStepPorts & Pick<Ports, 'visits' | 'workshops'>;

/** Preparation is done when the visit is recorded and the workshops scheduled, in either order. */
export async function completePreparationIfReady(ports: PreparationPorts, areaId: string, actor: Actor): Promise<boolean> {
  const [visit, workshops] = await Promise.all([ports.visits.get(areaId), ports.workshops.schedule(areaId)]);
  if (!visit || !workshops) return false;
  await completeStaffStep(ports, areaId, 'preparation', actor);
  return true;
}
