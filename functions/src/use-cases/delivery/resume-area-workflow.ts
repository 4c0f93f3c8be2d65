import type { Actor, Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

/** `already-resumed`: a second click, or a colleague's, found no failure left to resume from. */
export type ResumeOutcome = 'resumed' | 'already-resumed';

/**
 * Staff fixed what stopped the area's workflow and ask it to go on: a new execution, named after
 * the failure so that a double click starts one, passes through what is done and tries again.
 */
export async function resumeAreaWorkflow(
  ports: Pick<Ports, 'areas' | 'progress' | 'workflow' | 'audit' | 'clock'>,
  areaId: string,
  actor: Actor,
): Promise<ResumeOutcome> {
  await ports.areas.existing(areaId);
  const failure = (await ports.progress.get(areaId))?.failure;
  if (!failure) return 'already-resumed';
  await ports.workflow.restart(areaId, failure.at);
  if (!(await ports.progress.clearFailure(areaId, failure.at))) return 'already-resumed';
  const summary = `Resumed after it stopped at the ${failure.step} stage: ${failure.error}`;
  await ports.audit.record(auditEntry(ports.clock, areaId, actor, 'Workflow resumed', summary, failure, undefined));
  return 'resumed';
}
