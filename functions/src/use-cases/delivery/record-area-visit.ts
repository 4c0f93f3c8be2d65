import { formatUkDate, recordedVisit, type Actor, type AreaVisit } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';
import { completePreparationIfReady, type PreparationPorts } from './complete-preparation';

/** Staff record their visit to the area; with the workshops scheduled too, preparation is done. */
export async function recordAreaVisit(ports: PreparationPorts, areaId: string, actor: Actor, answers: { visitedOn: string; notes: string }): Promise<AreaVisit> {
  const visit = recordedVisit(answers, actor.name);
  await ports.visits.save(areaId, visit, auditEntry(ports.clock, areaId, actor, 'Area visit recorded', `The programme team visited the area on ${formatUkDate(visit.visitedOn)}.`, undefined, visit));
  await completePreparationIfReady(ports, areaId, actor);
  return visit;
}
