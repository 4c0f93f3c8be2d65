import { areaStages, canEnter, enterStage, type AreaStageId, type Ports } from '@pip/domain';
import { areaWorkflow, timelineEntry } from '../timeline/timeline-entry';

/**
 * Records that the area entered a stage, and puts it on the area's timeline. `happenedAt` is when
 * what moved it happened, such as the recruitment window opening, when the workflow may have noticed
 * later; never after now. A retried step finds the stage recorded and records only what a failure
 * between the two writes left out: the timeline's entry is named by its stage and instant, so it is
 * kept once however often it is written.
 */
export async function recordStageEntered(ports: Pick<Ports, 'progress' | 'clock' | 'audit'>, areaId: string, stage: AreaStageId, what: string, happenedAt?: string): Promise<void> {
  const progress = await ports.progress.get(areaId);
  const last = progress?.history.at(-1);
  if (progress?.stage === stage && last?.what === what) {
    await ports.audit.record(stageEntry(ports, areaId, stage, what, last.at)); // A retried step.
    return;
  }
  // A resumed execution passes stages the area has left: nothing to record, and no stale write.
  if (progress && !canEnter(progress.stage, stage)) return;
  const now = ports.clock.now().toISOString();
  const at = happenedAt && happenedAt < now ? happenedAt : now;
  await ports.progress.save(enterStage(progress, areaId, stage, at, what));
  await ports.audit.record(stageEntry(ports, areaId, stage, what, at));
}

function stageEntry(ports: Pick<Ports, 'clock'>, areaId: string, stage: AreaStageId, what: string, at: string) {
  return timelineEntry(ports.clock, areaId, {
    kind: 'workflow',
    actor: areaWorkflow,
    action: `Stage entered: ${areaStages[stage]}`,
    summary: `${what}.`,
    at,
    entryId: `stage-${stage}`,
  });
}
