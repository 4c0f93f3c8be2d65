import { recruitmentState } from '@pip/domain';
import { areaWorkflowControl } from '../area-workflow-control';
import { log } from '../kit/log';
import { getPlatform } from '../wiring';

/** Runs every few minutes: each area whose recruitment has opened gets its one workflow execution. */
export async function handler(): Promise<{ started: number }> {
  const platform = getPlatform();
  const now = platform.clock.now();
  let started = 0;
  for (const area of await platform.areas.list()) {
    if (recruitmentState(area, now) === 'not-open-yet') continue;
    if (await platform.workflow.progress(area.areaId)) continue;
    await areaWorkflowControl().start(area.areaId);
    started += 1;
  }
  if (started > 0) log('INFO', 'area workflows started', { started });
  return { started };
}
