import type { Ports, StaffStep, WorkflowState, WorkflowStep } from '@pip/domain';
import { awaitStaff } from '../shared/staff-steps';
import { checkDelivery } from './check-delivery';
import { checkRecruitment } from './check-recruitment';
import { completeArea } from './complete-area';
import { openRecruitment } from './open-recruitment';
import { proposeSelection } from './propose-selection';
import { recordFailure } from './record-failure';
import { remindActionPlan } from './remind-action-plan';
import { sendBriefing } from './send-briefing';
import { sendOutcomes } from './send-outcomes';
import { startActionPlan } from './start-action-plan';
import { startEvaluation } from './start-evaluation';
import { startProgressReviews } from './start-progress-reviews';

/** What the area's state machine hands its task: the step to run, the execution's state, and for a staff step its task token. */
export interface StepRequest {
  step: WorkflowStep;
  state: WorkflowState;
  staffStep?: StaffStep;
  token?: string;
}

/** What a step hands back: the execution's new state, or nothing for a step that waits for staff. */
export type StepResult = WorkflowState | Record<string, never>;

/** Each step of the area workflow. Every one may run twice (a retry, a restart) and does nothing twice. */
const steps: Record<WorkflowStep, (ports: Ports, request: StepRequest) => Promise<StepResult>> = {
  'open-recruitment': (ports, { state }) => openRecruitment(ports, state),
  'check-recruitment': (ports, { state }) => checkRecruitment(ports, state),
  'propose-selection': (ports, { state }) => proposeSelection(ports, state),
  'await-staff': async (ports, { state, staffStep, token }) => {
    if (!staffStep || !token) throw new Error('await-staff needs a staff step and a task token');
    await awaitStaff(ports, state.areaId, staffStep, token);
    return {};
  },
  'send-outcomes': (ports, { state }) => sendOutcomes(ports, state),
  'send-briefing': (ports, { state }) => sendBriefing(ports, state),
  'check-delivery': (ports, { state }) => checkDelivery(ports, state),
  'start-action-plan': (ports, { state }) => startActionPlan(ports, state),
  'remind-action-plan': (ports, { state }) => remindActionPlan(ports, state),
  'start-progress-reviews': (ports, { state }) => startProgressReviews(ports, state),
  'start-evaluation': (ports, { state }) => startEvaluation(ports, state),
  'complete-area': (ports, { state }) => completeArea(ports, state),
  'record-failure': (ports, { state }) => recordFailure(ports, state),
};

/** Runs the step the state machine names, and returns what its next state carries. */
export function runStep(ports: Ports, request: StepRequest): Promise<StepResult> {
  const step = steps[request.step];
  if (!step) throw new Error(`Unknown workflow step ${String(request.step)}`);
  return step(ports, request);
}
