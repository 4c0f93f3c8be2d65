import { recruitmentState, type Ports } from '@pip/domain';

/** Each area whose recruitment has opened gets its one workflow execution; an area already under way is left as it is. */
export async function startAreaWorkflows(ports: Pick<Ports, 'areas' | 'progress' | 'workflow' | 'clock' | 'log'>): Promise<{ started: number }> {
  const now = ports.clock.now();
  let started = 0;
  for (const area of await ports.areas.list()) {
    if (recruitmentState(area, now) === 'not-open-yet') continue;
    if (await ports.progress.get(area.areaId)) continue;
    await ports.workflow.start(area.areaId);
    started += 1;
  }
  if (started > 0) ports.log('INFO', 'area workflows started', { started });
  return { started };
}
