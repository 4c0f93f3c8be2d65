import { canEnter, enterStage, type AreaStageId, type Ports } from '@pip/domain';

/**
 * Records that the area entered a stage. `happenedAt` is when what moved it happened, such as the
 * recruitment window opening, when the workflow may have noticed later; never after now.
 */
export async function recordStageEntered(ports: Pick<Ports, 'progress' | 'clock'>, areaId: string, stage: AreaStageId, what: string, happenedAt?: string): Promise<void> {
  const progress = await ports.progress.get(areaId);
  if (progress?.stage === stage && progress.history.at(-1)?.what === what) return; // A retried step.
  // A resumed execution passes stages the area has left: nothing to record, and no stale write.
  if (progress && !canEnter(progress.stage, stage)) return;
  const now = ports.clock.now().toISOString();
  const at = happenedAt && happenedAt < now ? happenedAt : now;
  await ports.progress.save(enterStage(progress, areaId, stage, at, what));
}
