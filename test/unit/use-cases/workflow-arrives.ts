import type { StaffStep } from '@pip/domain';
import { awaitStaff } from '../../../functions/src/use-cases/shared/staff-steps';
import type { MemoryPorts } from '../../support/memory-ports';

/**
 * The area's workflow reaches `step` just after a decision first read no token there: it holds
 * `token`, and finds the step not done yet. Staff's write must then fail and be decided again.
 */
export function workflowArrivesAfterFirstRead(ports: MemoryPorts, areaId: string, step: StaffStep, token: string): void {
  const readToken = ports.staffSteps.heldToken.bind(ports.staffSteps);
  let arrived = false;
  ports.staffSteps.heldToken = async (area, readStep) => {
    const held = await readToken(area, readStep);
    if (!arrived) {
      arrived = true;
      await awaitStaff(ports, areaId, step, token);
    }
    return held;
  };
}
