import { actionPlanDueAt, formatUkDate, type Ports, type WorkflowState } from '@pip/domain';
import { openEvaluation } from '../evaluation/open-evaluation';
import { recordStageEntered } from './enter-stage';
import { promptStaff, type PromptPorts } from './prompt-staff';
import { scheduledWorkshops } from './scheduled-workshops';

export type StartActionPlanPorts = PromptPorts & Pick<Ports, 'workshops' | 'progress' | 'selections' | 'applications' | 'evaluation' | 'linkTokens' | 'audit'>;

/** The fourth workshop is over: the action plan is drafted, participants are asked to evaluate, and staff to agree the plan. */
export async function startActionPlan(ports: StartActionPlanPorts, state: WorkflowState): Promise<WorkflowState> {
  const due = actionPlanDueAt(await scheduledWorkshops(ports, state.areaId));
  await recordStageEntered(ports, state.areaId, 'action-plan', 'Fourth workshop held: the action plan is drafted');
  await openEvaluation(ports, state.areaId);
  await promptStaff(ports, state.areaId, 'action-plan', 'Workshops over: agree the action plan', [
    `The fourth workshop has been held and the action plan drafted. It should be agreed by ${formatUkDate(due)}; record it in the console when it is.`,
  ]);
  return state;
}
