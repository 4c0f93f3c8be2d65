import {
  actionPlanDueAt,
  deliveryEndsAt,
  canEnter,
  enterStage,
  formatUkDate,
  regionName,
  type AreaStageId,
  type StaffStep,
  type WorkflowState,
  type WorkflowStep,
} from '@pip/domain';
import { briefing, staffPrompt } from '@pip/mail';
import { sendBookingLinks } from './consultancy-service';
import { openEvaluation } from './evaluation-service';
import { log } from './kit/log';
import { sendOutcomeEmails } from './selection-service';
import { regionProgress } from './region-progress';
import { queueAndSend } from './send-emails';
import { awaitStaff } from './staff-steps';
import { getPlatform } from './wiring';
import { selectedParticipants, sendWorkshopEmails } from './workshop-emails';

export interface StepRequest {
  step: WorkflowStep;
  state: WorkflowState;
  staffStep?: StaffStep;
  token?: string;
}

const baseUrl = () => getPlatform().publicBaseUrl ?? '';

const areaOf = (areaId: string) => getPlatform().areas.existing(areaId);

/**
 * Records that the area entered a stage. `happenedAt` is when what moved it happened, such as the
 * recruitment window opening, when the workflow may have noticed later; never after now.
 */
async function enter(areaId: string, stage: AreaStageId, what: string, happenedAt?: string): Promise<void> {
  const platform = getPlatform();
  const progress = await platform.workflow.progress(areaId);
  if (progress?.stage === stage && progress.history.at(-1)?.what === what) return; // A retried step.
  // A resumed execution passes stages the area has left: nothing to record, and no stale write.
  if (progress && !canEnter(progress.stage, stage)) return;
  const now = platform.clock.now().toISOString();
  const at = happenedAt && happenedAt < now ? happenedAt : now;
  await platform.workflow.saveProgress(enterStage(progress, areaId, stage, at, what));
}

async function prompt(areaId: string, key: string, subject: string, paragraphs: string[], page = 'programme'): Promise<void> {
  const platform = getPlatform();
  // An alert must go even when the area itself is what went wrong: then its id names it.
  const about = (await platform.areas.get(areaId))?.name ?? areaId;
  await queueAndSend([
    {
      email: staffPrompt({
        messageId: `workflow-${areaId}-${key}`,
        to: platform.staffAlertsTo,
        about,
        subject,
        paragraphs,
        consoleUrl: `${baseUrl()}/staff/areas/${encodeURIComponent(areaId)}/${page}`,
      }),
    },
  ]);
}

async function schedule(areaId: string) {
  const workshops = await getPlatform().workflow.workshops(areaId);
  if (!workshops) throw new Error(`The workshops of ${areaId} are not scheduled`);
  return workshops;
}

/** Each step of the area workflow. Every one may run twice (a retry, a restart) and does nothing twice. */
const steps: Record<WorkflowStep, (request: StepRequest) => Promise<WorkflowState | Record<string, never>>> = {
  'open-recruitment': async ({ state }) => {
    const area = await areaOf(state.areaId);
    await enter(area.areaId, 'recruitment', 'Recruitment opened', area.recruitment.opensAt);
    return { areaId: area.areaId, recruitmentClosesAt: area.recruitment.closesAt };
  },

  'propose-selection': async ({ state }) => {
    const applications = await getPlatform().applications.listForArea(state.areaId);
    await enter(state.areaId, 'selection', `Recruitment closed with ${applications.length} applications`, state.recruitmentClosesAt);
    await prompt(state.areaId, 'selection', 'Applications have closed: review and approve the selection', [
      `Recruitment has closed with ${applications.length} applications. Review them, check the proposed selection of six plus six and its reasons, name the two leads and approve it.`,
    ], 'selection');
    return state;
  },

  'await-staff': async ({ state, staffStep, token }) => {
    if (!staffStep || !token) throw new Error('await-staff needs a staff step and a task token');
    await awaitStaff(state.areaId, staffStep, token);
    return {};
  },

  'send-outcomes': async ({ state }) => {
    const area = await areaOf(state.areaId);
    const platform = getPlatform();
    const [selection, applications] = await Promise.all([platform.selections.get(state.areaId), platform.applications.listForArea(state.areaId)]);
    if (selection?.status !== 'approved') throw new Error(`The selection of ${state.areaId} is not approved`);
    await sendOutcomeEmails(area, selection, applications, baseUrl());
    await enter(state.areaId, 'preparation', 'Selection approved and every applicant told');
    await prompt(state.areaId, 'preparation', 'Selection approved: visit the area and schedule the workshops', [
      'Record the visit to the area and schedule its four workshops. Every selected participant then receives the briefing and the workshop invitations.',
    ]);
    return state;
  },

  'send-briefing': async ({ state }) => {
    const area = await areaOf(state.areaId);
    const [participants, workshops] = await Promise.all([selectedParticipants(state.areaId), schedule(state.areaId)]);
    await queueAndSend(participants.map((participant) => ({ email: briefing(area, participant, workshops.workshops, `${baseUrl()}/apply`) })));
    await sendWorkshopEmails(area, participants, workshops);
    await enter(state.areaId, 'delivery', `Briefing and workshop invitations sent to ${participants.length} participants`);
    return { ...state, deliveryEndsAt: deliveryEndsAt(workshops) };
  },

  'check-delivery': async ({ state }) => {
    const ends = deliveryEndsAt(await schedule(state.areaId));
    return { ...state, deliveryEndsAt: ends, deliveryOver: getPlatform().clock.now().getTime() >= Date.parse(ends) };
  },

  'start-action-plan': async ({ state }) => {
    const due = actionPlanDueAt(await schedule(state.areaId));
    await enter(state.areaId, 'action-plan', 'Fourth workshop held: the action plan is drafted');
    await openEvaluation(state.areaId);
    await prompt(state.areaId, 'action-plan', 'Workshops over: agree the action plan', [
      `The fourth workshop has been held and the action plan drafted. It should be agreed by ${formatUkDate(due)}; record it in the console when it is.`,
    ]);
    return state;
  },

  'remind-action-plan': async ({ state }) => {
    const today = formatUkDate(getPlatform().clock.now());
    await prompt(state.areaId, `action-plan-reminder-${today.replace(/\s/gu, '-')}`, 'Reminder: the action plan is not yet agreed', [
      'Six weeks have passed since the fourth workshop and the action plan is not yet recorded as agreed. Agree it with the participants, then record it in the console.',
    ]);
    return state;
  },

  'start-progress-reviews': async ({ state }) => {
    await enter(state.areaId, 'progress-reviews', 'Action plan agreed');
    await sendBookingLinks(state.areaId, 1);
    await prompt(state.areaId, 'progress-reviews', 'Action plan agreed: progress reviews begin', [
      'The leads will book their two consultancy sessions and the group its follow-up review. Record in the console when the progress reviews are done.',
    ]);
    return state;
  },

  'start-evaluation': async ({ state }) => {
    await enter(state.areaId, 'evaluation', 'Progress reviews done');
    await prompt(state.areaId, 'evaluation', 'Progress reviews done: evaluation begins', [
      'Participants were asked to evaluate the programme after the fourth workshop; the area report shows the responses so far. Close the evaluation in the console when it ends: responses are then final.',
    ]);
    return state;
  },

  'complete-area': async ({ state }) => {
    const platform = getPlatform();
    const area = await areaOf(state.areaId);
    await enter(area.areaId, 'complete', 'Evaluation closed: the area is complete');
    if ((await regionProgress(area.regionId)).complete) {
      await queueAndSend([
        {
          email: staffPrompt({
            messageId: `workflow-region-${area.regionId}-learning-event`,
            to: platform.staffAlertsTo,
            about: regionName(area.regionId),
            subject: 'Every area is complete: schedule the learning and mentoring event',
            paragraphs: [`The last area of ${regionName(area.regionId)}, ${area.name}, is complete. Schedule the region's learning and mentoring event; its invitations go to every participant of the region.`],
            consoleUrl: `${baseUrl()}/staff/regions/${area.regionId}/learning-event`,
          }),
        },
      ]);
    }
    return state;
  },

  'record-failure': async ({ state }) => {
    const platform = getPlatform();
    const progress = await platform.workflow.progress(state.areaId);
    const at = platform.clock.now().toISOString();
    const error = `${state.failure?.Error ?? 'Error'}: ${state.failure?.Cause ?? 'unknown'}`.slice(0, 1000);
    if (progress) await platform.workflow.saveProgress({ ...progress, failure: { at, step: progress.stage, error } });
    log('ERROR', 'area workflow failed', { areaId: state.areaId, error });
    await prompt(state.areaId, `failure-${at}`, 'The area workflow stopped with an error', [
      `The workflow of this area stopped at the ${progress?.stage ?? 'first'} stage after retrying: ${error}`,
      "Fix the cause, then resume the workflow from the area's programme page in the staff console: it passes through the steps already done and tries this one again.",
    ]);
    return state;
  },
};

export function runStep(request: StepRequest): Promise<WorkflowState | Record<string, never>> {
  const step = steps[request.step];
  if (!step) throw new Error(`Unknown workflow step ${String(request.step)}`);
  return step(request);
}
