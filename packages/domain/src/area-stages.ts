import { MINUTE } from './durations';
import { ValidationError, type FieldError } from './errors';
import type { RegionId } from './regions';
import { dateProblem, isClockTime, ukInstantFrom } from './uk-time';

/** The stages an area passes through, in order; the area workflow moves it from one to the next. */
export const areaStages = {
  recruitment: 'Recruitment open',
  selection: 'Selection',
  preparation: 'Preparation',
  delivery: 'Workshops',
  'action-plan': 'Action plan',
  'progress-reviews': 'Progress reviews',
  evaluation: 'Evaluation',
  complete: 'Complete',
} as const;

export type AreaStageId = keyof typeof areaStages;
export const areaStageOrder = Object.keys(areaStages) as AreaStageId[];

/** One step in an area's history: a stage entered, or something that happened within one. */
export interface AreaEvent {
  at: string;
  stage: AreaStageId;
  what: string;
}

/** Where an area stands and how it got there, as the workflow records it. */
export interface AreaProgress {
  areaId: string;
  stage: AreaStageId;
  history: AreaEvent[];
  /** Set when a workflow step failed and staff were alerted. */
  failure?: { at: string; step: string; error: string };
}

/** An area only ever moves forward: a stage may be re-entered (a retried step) but never left for an earlier one. */
export function canEnter(current: AreaStageId | undefined, next: AreaStageId): boolean {
  if (current === undefined) return true;
  return areaStageOrder.indexOf(next) >= areaStageOrder.indexOf(current);
}

export function enterStage(progress: AreaProgress | undefined, areaId: string, stage: AreaStageId, at: string, what: string): AreaProgress {
  const base = progress ?? { areaId, stage, history: [] };
  if (!canEnter(progress?.stage, stage)) return base;
  const { failure: _cleared, ...rest } = base;
  return { ...rest, stage, history: [...base.history, { at, stage, what }] };
}

/** A region is ready for its learning and mentoring event when every one of its areas is complete. */
export function regionComplete(progressOfAreas: readonly (AreaProgress | undefined)[]): boolean {
  return progressOfAreas.length > 0 && progressOfAreas.every((progress) => progress?.stage === 'complete');
}

/** The steps of the area workflow; the state machine names one in each task's payload. */
export const workflowSteps = [
  'open-recruitment',
  'check-recruitment',
  'propose-selection',
  'await-staff',
  'send-outcomes',
  'send-briefing',
  'check-delivery',
  'start-action-plan',
  'remind-action-plan',
  'start-progress-reviews',
  'start-evaluation',
  'complete-area',
  'record-failure',
] as const;
export type WorkflowStep = (typeof workflowSteps)[number];

/** The points where the workflow waits for staff, each ended by something staff do in the console. */
export const staffSteps = {
  'selection-approval': 'Approve the selection',
  preparation: 'Record the area visit and schedule the four workshops',
  'action-plan': 'Record that the action plan is agreed',
  'progress-reviews': 'Record that the progress reviews are done',
  evaluation: 'Close the evaluation',
} as const;
export type StaffStep = keyof typeof staffSteps;

/** The steps staff record on an area's programme page, each with its title in the area's audit log. */
export const staffStepAuditTitles = {
  'action-plan': 'The action plan is agreed',
  'progress-reviews': 'The progress reviews are done',
  evaluation: 'Closed the evaluation',
} as const satisfies Partial<Record<StaffStep, string>>;
export type ProgrammeStep = keyof typeof staffStepAuditTitles;
export const programmeSteps = Object.keys(staffStepAuditTitles) as ProgrammeStep[];

/** Whether staff end this step on the programme page: approval is given on the selection page, and preparation ends with the visit and the schedule. */
export function isProgrammeStep(step: StaffStep | undefined): step is ProgrammeStep {
  return programmeSteps.some((programmeStep) => programmeStep === step);
}

/** What the execution carries from step to step: the area and the dates its Wait states wait for. */
export interface WorkflowState {
  areaId: string;
  recruitmentClosesAt?: string;
  /** When the wait for recruitment to close next looks at the area's window, which staff may change. */
  recruitmentCheckAt?: string;
  recruitmentOver?: boolean;
  deliveryEndsAt?: string;
  deliveryOver?: boolean;
  failure?: { Error?: string; Cause?: string };
}

/** A region's learning and mentoring event, once every one of its areas is complete. */
export interface LearningEvent {
  regionId: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  scheduledBy: string;
  /** Raised by each change, so calendars update the one event. */
  sequence: number;
}

export const learningEventRules = {
  /** How long a learning and mentoring event may run, in minutes: up to a long day. */
  shortestMinutes: 30,
  longestMinutes: 600,
  /** What the form suggests until staff say otherwise: a UK start time and a length in minutes. */
  defaultStartTime: '10:00',
  defaultMinutes: 240,
} as const;

/** What a region's learning event page shows: whether the region is ready, and the event if it is scheduled. */
export interface LearningEventContext {
  regionId: RegionId;
  regionName: string;
  ready: boolean;
  areasToComplete: string[];
  /** The event as scheduled, if it is. */
  event: LearningEvent | undefined;
  /** How many participants its invitations go to. */
  participants: number;
}

/** The learning event form as staff filled it in. */
export interface LearningEventAnswers {
  date: string;
  time: string;
  minutes: string;
  venue: string;
}

/**
 * The region's learning event as staff set it; a change to one already scheduled raises its
 * sequence. What needs correcting is a ValidationError.
 */
export function scheduledLearningEvent(regionId: string, answers: LearningEventAnswers, scheduledBy: string, previous: LearningEvent | undefined): LearningEvent {
  const errors: FieldError[] = [];
  const startsAt = ukInstantFrom(answers.date, answers.time);
  const minutes = Number(answers.minutes);
  const venue = answers.venue.trim();
  const eventDateProblem = dateProblem(answers.date, 'the date of the event');
  if (eventDateProblem) errors.push({ field: 'date', message: eventDateProblem });
  if (!isClockTime(answers.time.trim())) errors.push({ field: 'time', message: 'Enter the start time, like 10:00' });
  if (!Number.isInteger(minutes) || minutes < learningEventRules.shortestMinutes || minutes > learningEventRules.longestMinutes) {
    errors.push({ field: 'minutes', message: `Enter the length in minutes, from ${learningEventRules.shortestMinutes} to ${learningEventRules.longestMinutes}` });
  }
  if (!venue) errors.push({ field: 'venue', message: 'Enter the venue' });
  if (errors.length > 0 || !startsAt) throw new ValidationError(errors);
  return {
    regionId,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + minutes * MINUTE).toISOString(),
    venue,
    scheduledBy,
    sequence: previous ? previous.sequence + 1 : 0,
  };
}
