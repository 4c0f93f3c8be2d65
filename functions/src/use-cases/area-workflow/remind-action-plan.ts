import { formatUkDate, type WorkflowState } from '@pip/domain';
import { promptStaff, type PromptPorts } from './prompt-staff';

/** Six weeks after the fourth workshop the plan is still not agreed: staff are reminded, once a day at most. */
export async function remindActionPlan(ports: PromptPorts, state: WorkflowState): Promise<WorkflowState> {
  const today = formatUkDate(ports.clock.now());
  await promptStaff(ports, state.areaId, `action-plan-reminder-${today.replace(/\s/gu, '-')}`, 'Reminder: the action plan is not yet agreed', [
    'Six weeks have passed since the fourth workshop and the action plan is not yet recorded as agreed. Agree it with the participants, then record it in the console.',
  ]);
  return state;
}
