import type { Actor, Ports } from '@pip/domain';
import { resumeAfterFailure } from './staff-steps';

/**
 * Staff ask an area's stopped workflow to go on. A second click, or a colleague's, finds nothing
 * to resume (false): the programme page then shows where the area stands.
 */
export async function resumeAreaWorkflow(ports: Pick<Ports, 'areas' | 'progress' | 'workflow' | 'audit' | 'clock'>, areaId: string, actor: Actor): Promise<boolean> {
  await ports.areas.existing(areaId);
  return resumeAfterFailure(ports, areaId, actor);
}
