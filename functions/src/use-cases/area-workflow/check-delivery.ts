import { deliveryEndsAt, deliveryOver, type Ports, type WorkflowState } from '@pip/domain';
import { scheduledWorkshops } from './scheduled-workshops';

/** Whether the last workshop has ended; read afresh each time, as staff may have moved the workshops. */
export async function checkDelivery(ports: Pick<Ports, 'workshops' | 'clock'>, state: WorkflowState): Promise<WorkflowState> {
  const schedule = await scheduledWorkshops(ports, state.areaId);
  return { ...state, deliveryEndsAt: deliveryEndsAt(schedule), deliveryOver: deliveryOver(schedule, ports.clock.now()) };
}
