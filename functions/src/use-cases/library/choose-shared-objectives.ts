import { ConcurrentChangeError, ConflictError, objectivesWithSharing, sharingChangeSummary, type ActionPlan, type Actor, type ObjectiveSharingAnswer, type Ports } from '@pip/domain';
import { auditEntry } from '../shared/audit-entry';

/**
 * Staff tag the objectives of an agreed action plan with their themes and choose which the library
 * shares. The change and its timeline entry are written together, only over the version the person
 * saw: someone else's change in between is refused, never overwritten. Saving with nothing changed
 * writes nothing.
 */
export async function chooseSharedObjectives(
  ports: Pick<Ports, 'areas' | 'actionPlans' | 'clock'>,
  areaId: string,
  answers: Readonly<Record<string, ObjectiveSharingAnswer | undefined>>,
  expectedVersion: number,
  actor: Actor,
): Promise<ActionPlan> {
  const [area, plan] = await Promise.all([ports.areas.existing(areaId), ports.actionPlans.get(areaId)]);
  if (!plan) throw new ConflictError('Record the action plan’s objectives first, when it is agreed', 'main-content');
  const version = plan.version ?? 0;
  if (version !== expectedVersion) throw new ConcurrentChangeError('The action plan’s themes and sharing');
  const objectives = objectivesWithSharing(plan, answers);
  const summary = sharingChangeSummary(plan.objectives, objectives);
  if (!summary) return plan;
  const changed: ActionPlan = { ...plan, objectives, version: version + 1 };
  const sharing = (objective: ActionPlan['objectives'][number]) => ({ objectiveId: objective.objectiveId, themes: objective.themes ?? [], shared: Boolean(objective.shared) });
  const entry = auditEntry(ports.clock, areaId, actor, 'Action plan sharing changed', summary, plan.objectives.map(sharing), objectives.map(sharing));
  if (!(await ports.actionPlans.saveSharing(changed, version, area.regionId, entry))) throw new ConcurrentChangeError('The action plan’s themes and sharing');
  return changed;
}
