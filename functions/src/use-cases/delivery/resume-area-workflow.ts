import type { Actor, Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

/** `already-resumed`: a second click, or a colleague's, found no failure left to resume from. */
export type ResumeOutcome = 'resumed' | 'already-resumed';

/**
 * Staff fixed what stopped the area's workflow and ask it to go on: a new execution, named after
 * the failure so that a double click starts one, passes through what is done and tries again.
 */
export async function resumeAreaWorkflow(
  ports: Pick<Ports, 'areas' | 'progress' | 'workflow' | 'clock'>,
  areaId: string,
  actor: Actor,
): Promise<ResumeOutcome> {
  // The area only to refuse one that is not there: read beside its progress.
  const [, progress] = await Promise.all([ports.areas.existing(areaId), ports.progress.get(areaId)]);
  const failure = progress?.failure;
  if (!failure) return 'already-resumed';
  await ports.workflow.restart(areaId, failure.at);
  const summary = `Resumed after it stopped at the ${failure.step} stage: ${failure.error}`;
  const entry = auditEntry(ports.clock, areaId, actor, 'Workflow resumed', summary, failure, undefined);
  return (await ports.progress.clearFailure(areaId, failure.at, entry)) ? 'resumed' : 'already-resumed';
}
